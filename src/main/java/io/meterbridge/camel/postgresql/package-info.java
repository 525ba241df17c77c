/**
 * The PostgreSQL output ({@code postgresql.url}, routes/postgresql.yaml): the pooled connection
 * ({@link io.meterbridge.camel.postgresql.PostgresOutput}, bean {@code postgresqlDataSource}), the
 * schema brought up to date by Flyway at the first connection
 * ({@link io.meterbridge.camel.postgresql.SchemaMigration}, bean {@code postgresqlSchema}), and one
 * journal entry turned into the parameters of the one idempotent insert
 * ({@link io.meterbridge.camel.postgresql.ReadingRow}, bean {@code postgresqlRow}). The insert
 * itself is Camel's {@code sql:} endpoint.
 */
package io.meterbridge.camel.postgresql;
