// A packaged build refuses the switches that hand the app to a debugger: Chromium's remote
// debugging (a port or a pipe, which expose every page and its bridge) and Node's inspector.
// The fuses already make Node ignore --inspect*; refusing them here too says so in words and covers
// the Chromium switches no fuse turns off. Pure, so the matching is tested in Node.

// Chromium reads switches with "--" or "-" (and "/" on Windows), with or without "=value".
const debugSwitch =
  /^(?:--?)(remote-debugging-port|remote-debugging-pipe|inspect(?:-[a-z]+)*)(?:=|$)/i;
const windowsDebugSwitch =
  /^\/(remote-debugging-port|remote-debugging-pipe|inspect(?:-[a-z]+)*)(?:=|$)/i;

/** The first debugging switch in argv, as written, or undefined when there is none. */
export function findDebugSwitch(
  argv: readonly string[],
  platform: NodeJS.Platform,
): string | undefined {
  // argv[0] is the executable itself; a greencloud:// link or a file path is never a switch.
  return argv.slice(1).find((arg) => {
    // Everything after "--" is an argument, but Chromium still parses switches there: check all.
    return debugSwitch.test(arg) || (platform === 'win32' && windowsDebugSwitch.test(arg));
  });
}

/** `found` as written on the command line, or a bare switch name from Chromium's own parse. */
export function debugSwitchRefusal(found: string): string {
  const written = found.split('=')[0] ?? found;
  const name = /^[-/]/.test(written) ? written : `--${written}`;
  return `GreenCloud Desktop does not start with ${name}: debugging switches are turned off in released builds, to keep your account and session private.`;
}
