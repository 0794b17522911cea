/**
 * Privacy metrics: how close synthetic rows sit to the real rows they were trained on (exact
 * copies, distance to closest record, membership and attribute-inference attacks), by Gower
 * distance.
 */
package io.syndata.quality.privacy;
