/**
 * The command line: the service (no arguments, or {@code run}) and the tools ({@code decode},
 * {@code scan}, {@code read}, {@code set-address}, {@code simulate}, {@code bench}) and the service's
 * installation under systemd ({@code install}, {@code uninstall}). Built with picocli. The JSON printed by
 * {@code decode --json}, {@code read --json} and the table of {@code scan} are contracts other
 * tools depend on: change them only compatibly.
 */
package io.meterbridge.cli;
