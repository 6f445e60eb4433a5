/**
 * Pakistani phone numbers are stored in E.164 (+92…). Staff type them in many shapes:
 * 0300-1234567, 03001234567, 923001234567, +92 300 1234567, 0092300…, and landlines
 * such as 021-34567890. Foreign numbers (diaspora mentors) must already start with + or 00.
 */
export function normalisePhone(raw: string): string | null {
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  if (!/^[+\d\s\-().]+$/.test(trimmed)) return null;
  let digits = trimmed.replace(/[^\d]/g, '');
  const hadPlus = trimmed.startsWith('+');
  if (!hadPlus && digits.startsWith('00')) digits = digits.slice(2);
  else if (!hadPlus && digits.startsWith('0')) digits = `92${digits.slice(1)}`;
  else if (!hadPlus && !digits.startsWith('92')) return null;
  if (digits.startsWith('92')) {
    const national = digits.slice(2);
    // Mobiles: 3xx + 7 digits (10 digits). Landlines: area code + number, 9–10 digits.
    if (national.startsWith('3')) return /^3\d{9}$/.test(national) ? `+92${national}` : null;
    return /^[1-9]\d{8,9}$/.test(national) ? `+92${national}` : null;
  }
  return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : null;
}

/** +923001234567 → +92300*****67: enough to recognise, not enough to call. */
export function maskPhone(phone: string | null): string | null {
  if (phone == null) return null;
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return phone.slice(0, 6) + '*'.repeat(phone.length - 8) + phone.slice(-2);
}
