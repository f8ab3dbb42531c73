/**
 * The origins this server is reached at, which the agents' API answers (and the visitor API,
 * besides LIFELINE_ALLOWED_ORIGINS). Known from the settings, never from a request: its Host
 * header is whatever the client wrote (a page on a rebound DNS name included).
 */
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

const LOOPBACK = ['localhost', '127.0.0.1', '::1'];
const EVERY_ADDRESS = ['0.0.0.0', '::'];

/**
 * LIFELINE_PUBLIC_URL's origin when it is set; otherwise http:// and the port on the address the
 * server listens on: a loopback address stands for all its names (localhost, 127.0.0.1, [::1]),
 * and 0.0.0.0 or :: for every address of the machine's interfaces.
 */
export function ownOrigins(
  { host, port, publicOrigin }: { host: string; port: number; publicOrigin: string | null },
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): string[] {
  if (publicOrigin !== null) return [publicOrigin];
  const hosts = EVERY_ADDRESS.includes(host)
    ? [...LOOPBACK, ...Object.values(interfaces).flatMap((list) => (list ?? []).map((i) => i.address))]
    : LOOPBACK.includes(host) || host.startsWith('127.')
      ? [...LOOPBACK, host]
      : [host];
  const origin = (name: string) => new URL(`http://${name.includes(':') ? `[${name}]` : name}:${port}`).origin;
  return [...new Set(hosts.map(origin))];
}
