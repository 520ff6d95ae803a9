/**
 * The key that login lockouts and kiosk rate limits count per: the paired device, else the
 * network address, else this machine. Structural, so services need not import the API layer.
 */
export const sourceKey = (source: { deviceId: string | null; address: string | null }): string =>
  source.deviceId !== null ? `device:${source.deviceId}` : source.address !== null ? `address:${source.address}` : 'local';
