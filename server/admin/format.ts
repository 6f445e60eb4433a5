/** Human-readable answers of the admin commands (`--json` prints the data itself). */
import type { AdminCommandName, CentreInfo, DeviceInfo, EnrolmentCodeInfo } from './commands.js';

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export function formatAdminResult(name: AdminCommandName, result: unknown): string {
  switch (name) {
    case 'create-centre': {
      const centre = result as CentreInfo;
      return `Created centre "${centre.name}"\n  id: ${centre.id}`;
    }
    case 'centres': {
      const centres = result as CentreInfo[];
      if (centres.length === 0) return 'No centres yet (create one with: admin create-centre --name NAME)';
      return table(
        ['ID', 'NAME', 'CREATED'],
        centres.map((c) => [c.id, c.name, c.createdAt]),
      );
    }
    case 'create-admin':
      return `Created admin ${(result as { email: string }).email}`;
    case 'enrolment-code': {
      const code = result as EnrolmentCodeInfo;
      return [
        `Enrolment code: ${code.code}`,
        '  (shown once: the server keeps only its hash; it can be used once)',
        `  role:    ${code.role}${code.upload ? " (upload: the centre's first workstation keeps its local data)" : ''}`,
        `  centre:  ${code.centreId ? `${code.centreName} (${code.centreId})` : 'national'}`,
        `  expires: ${code.expiresAt}`,
      ].join('\n');
    }
    case 'devices': {
      const devices = result as DeviceInfo[];
      if (devices.length === 0) return 'No devices enrolled yet';
      return table(
        ['ID', 'NAME', 'ROLE', 'CENTRE', 'LAST SEEN', 'APP', 'STATUS'],
        devices.map((d) => [
          d.id,
          d.name,
          d.role,
          d.centreName ?? 'national',
          d.lastSeenAt ?? 'never',
          d.appVersion ?? '-',
          d.revokedAt ? `revoked ${d.revokedAt}` : 'active',
        ]),
      );
    }
    case 'revoke': {
      const revoked = result as { id: string; revokedAt: string };
      return `Revoked device ${revoked.id} (from ${revoked.revokedAt}); its next request is refused`;
    }
  }
}
