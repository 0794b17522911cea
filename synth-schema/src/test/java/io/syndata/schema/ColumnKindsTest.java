package io.syndata.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ColumnKindsTest {

  @Test
  void namesOfPersonalDataPickTheFakeGenerator() {
    assertThat(ColumnKinds.piiOf("email")).contains("email");
    assertThat(ColumnKinds.piiOf("nameFirst")).contains("first_name");
    assertThat(ColumnKinds.piiOf("LAST_NAME")).contains("last_name");
    assertThat(ColumnKinds.piiOf("phone_number")).contains("phone");
    assertThat(ColumnKinds.piiOf("country")).isEmpty();
  }

  @Test
  void aBareNameIsNotTakenForAPersonsName() {
    assertThat(ColumnKinds.piiOf("name")).isEmpty();
    assertThat(ColumnKinds.defaultKind("name", DataType.STRING)).isEqualTo(ColumnKind.CATEGORICAL);
  }

  @Test
  void aPiiColumnWithoutItsCategoryTakesItFromItsName() {
    Column email =
        new Column(
            "secret_code",
            DataType.STRING,
            "",
            0,
            0,
            0,
            false,
            ColumnKind.PII,
            Optional.empty(),
            false);
    Column customerEmail = Column.of("email", DataType.STRING, false);
    assertThat(customerEmail.kind()).isEqualTo(ColumnKind.PII);
    assertThat(customerEmail.pii()).contains("email");
    assertThat(email.pii()).isEmpty();
  }

  @Test
  void compoundAndCamelCaseNamesAreRecognisedByTheirLastWords() {
    assertThat(ColumnKinds.piiOf("contactLastName")).contains("last_name");
    assertThat(ColumnKinds.piiOf("contact_email")).contains("email");
    assertThat(ColumnKinds.piiOf("billing_address")).contains("street_address");
    assertThat(ColumnKinds.piiOf("shipPhone")).contains("phone");
    assertThat(ColumnKinds.piiOf("address_id")).isEmpty();
    assertThat(ColumnKinds.piiOf("email_verified")).isEmpty();
  }

  @Test
  void manyDistinctStringsBecomeTextAndFewRepeatedOnesStayCategorical() {
    Column c = Column.of("city", DataType.STRING, true);
    assertThat(ColumnKinds.refine(c, 12, 10_000, 0).kind()).isEqualTo(ColumnKind.CATEGORICAL);
    assertThat(ColumnKinds.refine(c, 9_000, 10_000, 8_000).kind()).isEqualTo(ColumnKind.TEXT);
    assertThat(ColumnKinds.refine(c, 600, 100_000, 0).kind()).isEqualTo(ColumnKind.TEXT);
  }

  @Test
  void valuesSeenOnceAreTextEvenInATinyTable() {
    Column c = Column.of("customer", DataType.STRING, false);
    // Three rows, three names: each identifies a row and must not be copied.
    assertThat(ColumnKinds.refine(c, 3, 3, 3).kind()).isEqualTo(ColumnKind.TEXT);
    // Three rows, two values, one of them repeated: a category.
    assertThat(ColumnKinds.refine(c, 2, 3, 1).kind()).isEqualTo(ColumnKind.CATEGORICAL);
  }
}
