package io.syndata.schema;

/** One parent–child relation of the foreign-key graph: the child table and its foreign key. */
public record Relation(String child, ForeignKey fk) {

  public String parent() {
    return fk.parentTable();
  }

  public boolean isSelfReference() {
    return child.equals(fk.parentTable());
  }

  @Override
  public String toString() {
    return fk.describe(child);
  }
}
