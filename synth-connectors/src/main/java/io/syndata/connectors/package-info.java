/**
 * Sources and database targets: {@link io.syndata.connectors.Connectors} opens a JDBC database or a
 * folder of CSV files as a {@link io.syndata.data.Source}, and a database as a {@link
 * io.syndata.data.Target}.
 */
package io.syndata.connectors;
