/**
 * The Content-Security-Policy of the renderer. It matches the policy of web mode
 * (core/host/static-files.ts) and the meta tag Vite puts in index.html, so the UI behaves the
 * same in both; browsers apply every policy present, so the strictest wins anyway.
 * `style-src 'unsafe-inline'` is there because Mantine writes inline styles; scripts are
 * never inline.
 */
export const CONTENT_SECURITY_POLICY_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['frame-ancestors', "'none'"],
  ['form-action', "'none'"],
];

export function buildContentSecurityPolicy(directives = CONTENT_SECURITY_POLICY_DIRECTIVES): string {
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

export const CONTENT_SECURITY_POLICY = buildContentSecurityPolicy();

/**
 * Response headers with our policy in place of any the response carried. Header names are
 * case-insensitive, so a `content-security-policy` from elsewhere must not survive beside ours.
 */
export function withContentSecurityPolicy(
  headers: Record<string, string[] | string> | undefined,
  policy: string = CONTENT_SECURITY_POLICY,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    result[name] = Array.isArray(value) ? value : [value];
  }
  result['Content-Security-Policy'] = [policy];
  return result;
}
