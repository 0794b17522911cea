package io.syndata.cli;

import io.syndata.model.ModelKinds;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The installed model kinds and {@code auto}, for {@code --model}'s help. */
final class ModelKindNames implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    List<String> names = new ArrayList<>(ModelKinds.available());
    names.add(ModelKinds.AUTO);
    return names.iterator();
  }
}
