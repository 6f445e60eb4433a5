/**
 * Pakistani CNIC (Computerised National Identity Card) numbers: 13 digits written
 * 12345-1234567-1. The first digit is the region code (1–8); an all-zero block is
 * never issued. Input may come with or without dashes or spaces.
 */
export const CNIC_PATTERN = /^\d{5}-\d{7}-\d$/;

export function normaliseCnic(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '');
  if (!/^\d{13}$/.test(digits)) return null;
  if (!/^[1-8]/.test(digits)) return null; // region codes: 1–7 provinces and territories, 8 Azad Kashmir
  if (digits.slice(5, 12) === '0000000') return null;
  return `${digits.slice(0, 5)}-${digits.slice(5, 12)}-${digits.slice(12)}`;
}

/** Keeps the province digit and the check digit only: 3****-*******-1. */
export function maskCnic(cnic: string | null): string | null {
  if (cnic == null) return null;
  return cnic.replace(/^(\d)\d{4}-\d{7}-(\d)$/, '$1****-*******-$2');
}
