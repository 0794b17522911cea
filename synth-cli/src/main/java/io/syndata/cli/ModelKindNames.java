package io.syndata.cli;

import io.syndata.model.ModelKinds;
import java.util.Iterator;

/** The installed model kinds, for {@code --model}'s help. */
final class ModelKindNames implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    return ModelKinds.available().iterator();
  }
}
