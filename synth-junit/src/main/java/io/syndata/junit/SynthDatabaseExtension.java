package io.syndata.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link SynthDatabase}: seeds before the class, injects {@link DataSource}s,
 * and cleans up when the class's context closes. Databases live in the class's store, one per
 * distinct annotation, so every test of the class sees the same one.
 */
public final class SynthDatabaseExtension
    implements BeforeAllCallback, TestInstancePostProcessor, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SynthDatabaseExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Class<?> testClass = context.getRequiredTestClass();
    Optional<SynthDatabase> onClass =
        AnnotationSupport.findAnnotation(testClass, SynthDatabase.class);
    if (onClass.isPresent()) {
      database(context, onClass.get());
    }
    for (Field f : AnnotationSupport.findAnnotatedFields(testClass, SynthDatabase.class)) {
      if (Modifier.isStatic(f.getModifiers())) {
        inject(f, null, database(context, f.getAnnotation(SynthDatabase.class)));
      }
    }
  }

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context)
      throws Exception {
    for (Field f :
        AnnotationSupport.findAnnotatedFields(testInstance.getClass(), SynthDatabase.class)) {
      if (!Modifier.isStatic(f.getModifiers())) {
        inject(f, testInstance, database(context, f.getAnnotation(SynthDatabase.class)));
      }
    }
  }

  private static void inject(Field f, Object instance, SeededDatabase db)
      throws IllegalAccessException {
    if (!f.getType().isAssignableFrom(DataSource.class)) {
      throw new ExtensionConfigurationException(
          "@SynthDatabase field "
              + f.getDeclaringClass().getSimpleName()
              + "."
              + f.getName()
              + " must be of type javax.sql.DataSource, is "
              + f.getType().getName());
    }
    f.setAccessible(true);
    f.set(instance, db.dataSource());
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.getParameter().getType() != DataSource.class) {
      return false;
    }
    return parameter.isAnnotated(SynthDatabase.class)
        || context
            .getTestClass()
            .flatMap(c -> AnnotationSupport.findAnnotation(c, SynthDatabase.class))
            .isPresent();
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    SynthDatabase spec =
        parameter
            .findAnnotation(SynthDatabase.class)
            .or(
                () ->
                    context
                        .getTestClass()
                        .flatMap(c -> AnnotationSupport.findAnnotation(c, SynthDatabase.class)))
            .orElseThrow();
    return database(context, spec).dataSource();
  }

  /** The database of an annotation in the test class's store, seeded on first use. */
  private static SeededDatabase database(ExtensionContext context, SynthDatabase spec) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    SeedRequest request = SeedRequest.of(spec);
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(request, r -> SeededDatabase.seed(request), SeededDatabase.class);
  }
}
