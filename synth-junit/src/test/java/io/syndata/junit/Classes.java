package io.syndata.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs test classes as a build would, so that a test can look at what they leave behind. */
final class Classes {
  private Classes() {}

  /** Runs the class and returns its failures' messages; asserts that {@code tests} ran. */
  static List<String> run(Class<?> testClass, int tests) {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(request, listener);
    TestExecutionSummary summary = listener.getSummary();
    List<String> failures = new ArrayList<>();
    summary
        .getFailures()
        .forEach(
            f -> failures.add(f.getTestIdentifier().getDisplayName() + ": " + f.getException()));
    assertThat(summary.getTestsStartedCount()).as("tests started").isEqualTo(tests);
    return failures;
  }
}
