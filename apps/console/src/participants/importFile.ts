/** The file's bytes as base64, in chunks (String.fromCharCode over a whole file overflows the stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function formatOf(fileName: string): 'XLSX' | 'CSV' {
  return /\.csv$/i.test(fileName) ? 'CSV' : 'XLSX';
}
