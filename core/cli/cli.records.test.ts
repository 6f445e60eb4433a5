import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/harness.js';
import { cli, initialised, PASSWORD, type CliRun } from './cli-test-kit.js';

type Row = Record<string, unknown> & { id: string };
type Page = { items: Row[]; total: number; offset: number; limit: number };

describe('init', () => {
  let root: string;
  beforeEach(() => {
    root = tempDir('incubator-cli-');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('refuses other commands until the data folder is set up, naming the init command', async () => {
    const dir = path.join(root, 'new-folder');
    const r = await cli('--data', dir, 'startups', 'list');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`Run \`incubator --data ${dir} init`);
    expect(fs.existsSync(dir)).toBe(true); // created if missing
    const j = await cli('--data', dir, '--json', 'trainees', 'list');
    expect(j.code).not.toBe(0);
    expect(j.stdout).toBe('');
    expect(j.error().message).toContain('init');
  });

  it('sets up the centre and its manager, and refuses a second init', async () => {
    const dir = path.join(root, 'data');
    const r = await cli(
      '--data',
      dir,
      '--json',
      'init',
      '--centre',
      'NIC Peshawar',
      '--city',
      'Peshawar',
      '--manager-email',
      'Gulalai.Afridi@nic-peshawar.pk',
      '--manager-password',
      PASSWORD,
    );
    expect(r.code).toBe(0);
    const out = r.json<{ centre: { name: string; city: string }; manager: { name: string; email: string; role: string } }>();
    expect(out.centre).toMatchObject({ name: 'NIC Peshawar', city: 'Peshawar' });
    expect(out.manager).toMatchObject({ name: 'Gulalai Afridi', email: 'gulalai.afridi@nic-peshawar.pk', role: 'manager' });
    expect(JSON.stringify(out)).not.toContain(PASSWORD);

    const again = await cli(
      '--data',
      dir,
      'init',
      '--centre',
      'Other',
      '--manager-email',
      'x@y.pk',
      '--manager-password',
      PASSWORD,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already set up');
  });

  it('names the flag of a bad init value, and of a missing one', async () => {
    const dir = path.join(root, 'data');
    const short = await cli(
      '--data',
      dir,
      'init',
      '--centre',
      'NIC',
      '--manager-email',
      'not-an-email',
      '--manager-password',
      'short',
    );
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('--manager-email: Must be an email address');
    expect(short.stderr).toContain('--manager-password: Use at least 12 characters');
    const missing = await cli('--data', dir, '--json', 'init', '--centre', 'NIC', '--manager-email', 'a@b.pk');
    expect(missing.code).toBe(2);
    expect(missing.error().message).toContain('--manager-password');
  });

  it('needs --data', async () => {
    const r = await cli('startups', 'list');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--data');
  });
});

describe('record commands', () => {
  let run: (...argv: string[]) => Promise<CliRun>;
  let cleanup: () => void;
  beforeEach(async () => {
    ({ run, cleanup } = await initialised());
  });
  afterEach(() => cleanup());

  it('startups: add, list, get, update and delete with generated flags', async () => {
    const added = await run(
      '--json',
      'startups',
      'add',
      '--name',
      '  Tez   Pay ',
      '--sector',
      'fintech',
      '--women-led',
      '--website',
      'https://tezpay.pk',
      '--founded-on',
      '2023-03-01',
      '--city',
      'Karachi',
      '--contact-phone',
      '0300-1234567',
      '--registration-no',
      '0187654',
    );
    expect(added.code).toBe(0);
    const s = added.json<Row>();
    expect(s).toMatchObject({ name: 'Tez Pay', sector: 'fintech', stage: 'applied', womenLed: true, foundedOn: '2023-03-01' });
    expect(s.contactPhone).toBe('+92300*****67'); // masked, like every API answer

    const other = await run('--json', 'startups', 'add', '--name', 'Kisan Link', '--sector', 'agritech', '--stage', 'incubated');
    expect(other.code).toBe(0);

    const human = await run('startups', 'list');
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^ID\s+NAME\s+SECTOR\s+STAGE\s+CITY\s+WOMEN-LED/);
    expect(human.stdout).toContain('Kisan Link');
    expect(human.stdout).toContain('1–2 of 2');

    const page = (await run('--json', 'startups', 'list', '--filter', 'women-led=true', '--sort', 'name:desc')).json<Page>();
    expect(page.total).toBe(1);
    expect(page.items[0]!.id).toBe(s.id);
    const searched = (await run('--json', 'startups', 'list', '--search', 'kisan')).json<Page>();
    expect(searched.items.map((i) => i.name)).toEqual(['Kisan Link']);

    const got = await run('startups', 'get', s.id);
    expect(got.code).toBe(0);
    expect(got.stdout).toMatch(/women-led\s+yes/);
    expect(got.stdout).toMatch(/website\s+https:\/\/tezpay\.pk/);

    const updated = await run('--json', 'startups', 'update', s.id, '--no-women-led', '--stage', 'incubated', '--website', '');
    expect(updated.code).toBe(0);
    expect(updated.json<Row>()).toMatchObject({ womenLed: false, stage: 'incubated', website: null, name: 'Tez Pay' });

    const nothing = await run('startups', 'update', s.id);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('at least one field');

    const deleted = await run('startups', 'delete', s.id);
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toContain(`Deleted startup ${s.id}`);
    const gone = await run('startups', 'get', s.id);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain(`No startup with id ${s.id}`);
  });

  it('mentors: list flags are comma-separated, time zones are checked', async () => {
    const added = await run(
      '--json',
      'mentors',
      'add',
      '--name',
      'Saad Qureshi',
      '--organisation',
      'Careem',
      '--expertise',
      'Fundraising, go-to-market,pricing',
      '--city',
      'Dubai',
      '--country',
      'United Arab Emirates',
      '--time-zone',
      'Asia/Dubai',
      '--email',
      'saad@example.com',
    );
    expect(added.code).toBe(0);
    const m = added.json<Row>();
    expect(m).toMatchObject({ expertise: ['fundraising', 'go-to-market', 'pricing'], timeZone: 'Asia/Dubai' });

    const bad = await run('mentors', 'add', '--name', 'X', '--time-zone', 'Mars/Olympus');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--time-zone: Must be a time zone');

    const updated = (await run('--json', 'mentors', 'update', m.id, '--expertise', 'ai,cloud', '--city', 'London')).json<Row>();
    expect(updated).toMatchObject({ expertise: ['ai', 'cloud'], city: 'London' });
    const filtered = (await run('--json', 'mentors', 'list', '--filter', 'expertise=ai')).json<Page>();
    expect(filtered.total).toBe(1);
    expect((await run('mentors', 'delete', m.id)).code).toBe(0);
    expect((await run('--json', 'mentors', 'list')).json<Page>().total).toBe(0);
  });

  it('trainees: CNIC and skills, a bad CNIC names --cnic, a duplicate CNIC is a conflict', async () => {
    const added = await run(
      '--json',
      'trainees',
      'add',
      '--name',
      'Ayesha Khan',
      '--cnic',
      '4210112345671',
      '--phone',
      '0321 7654321',
      '--gender',
      'female',
      '--city',
      'Karachi',
      '--district',
      'Karachi East',
      '--date-of-birth',
      '2001-05-14',
      '--skills',
      'python,react',
      '--consent',
    );
    expect(added.code).toBe(0);
    const t = added.json<Row>();
    expect(t).toMatchObject({ name: 'Ayesha Khan', cnic: '4****-*******-1', skills: ['python', 'react'], consent: true });

    const badCnic = await run('trainees', 'add', '--name', 'Ali Raza', '--cnic', '12345');
    expect(badCnic.code).toBe(2);
    expect(badCnic.stderr).toContain('--cnic: CNIC must be 13 digits');
    const badJson = await run('--json', 'trainees', 'add', '--name', 'Ali Raza', '--cnic', '12345');
    expect(badJson.code).toBe(2);
    expect(badJson.stdout).toBe('');
    expect(badJson.error()).toMatchObject({ code: 'invalid', issues: [{ path: ['cnic'], flag: '--cnic' }] });

    const twice = await run('trainees', 'add', '--name', 'Ali Raza', '--cnic', '42101-1234567-1');
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('--cnic: Another trainee has this CNIC');

    const updated = (await run('--json', 'trainees', 'update', t.id, '--skills', 'sql', '--no-consent')).json<Row>();
    expect(updated).toMatchObject({ skills: ['sql'], consent: false });
    const list = await run('trainees', 'list', '--filter', 'city=karachi');
    expect(list.stdout).toContain('Ayesha Khan');
    expect(list.stdout).toContain('4****-*******-1');
    const badFilter = await run('trainees', 'list', '--filter', 'colour=red');
    expect(badFilter.code).toBe(2);
    expect(badFilter.stderr).toContain('Cannot filter by "colour"');
    const badSort = await run('trainees', 'list', '--sort', 'cnic');
    expect(badSort.code).toBe(2);
    expect(badSort.stderr).toContain('--sort: Cannot sort by "cnic"');
    expect((await run('trainees', 'delete', t.id)).code).toBe(0);
  });

  it('sessions: add records action items and takes an end time; bad numbers name their flag', async () => {
    const mentor = (await run('--json', 'mentors', 'add', '--name', 'Hira Baig')).json<Row>();
    const startup = (await run('--json', 'startups', 'add', '--name', 'Sehat Box', '--sector', 'healthtech')).json<Row>();

    const notNumber = await run(
      'sessions',
      'add',
      '--mentor-id',
      mentor.id,
      '--startup-id',
      startup.id,
      '--starts-at',
      '2026-01-10T09:00:00Z',
      '--minutes',
      'an hour',
    );
    expect(notNumber.code).toBe(2);
    expect(notNumber.stderr).toContain('--minutes: Must be a number, not "an hour"');

    const missing = await run('sessions', 'add', '--mentor-id', mentor.id);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--startup-id: Required');
    expect(missing.stderr).toContain('--starts-at: Required');

    const added = await run(
      '--json',
      'sessions',
      'add',
      '--mentor-id',
      mentor.id,
      '--startup-id',
      startup.id,
      '--starts-at',
      '2026-01-10T14:00+05:00',
      '--ends-at',
      '2026-01-10T10:30:00Z',
      '--mode',
      'online',
      '--topics',
      'pricing,hiring',
      '--action-item',
      'Send the revised deck',
      '--action-item',
      'Interview ten customers',
    );
    expect(added.code).toBe(0);
    const s = added.json<Row & { actionItems: Row[] }>();
    expect(s).toMatchObject({ startsAt: '2026-01-10T09:00:00.000Z', minutes: 90, mode: 'online', topics: ['pricing', 'hiring'] });
    expect(s.actionItems.map((a) => a.text)).toEqual(['Send the revised deck', 'Interview ten customers']);

    const got = await run('sessions', 'get', s.id);
    expect(got.stdout).toMatch(/action-items\s+2/);
    expect(got.stdout).toContain('- Send the revised deck');

    const badEnd = await run(
      'sessions',
      'add',
      '--mentor-id',
      mentor.id,
      '--startup-id',
      startup.id,
      '--starts-at',
      '2026-01-10T09:00:00Z',
      '--ends-at',
      '2026-01-10T08:00:00Z',
    );
    expect(badEnd.code).toBe(2);
    expect(badEnd.stderr).toContain('--ends-at: A session cannot end before it starts');

    const updated = (await run('--json', 'sessions', 'update', s.id, '--minutes', '60', '--notes', 'Went well')).json<Row>();
    expect(updated).toMatchObject({ minutes: 60, notes: 'Went well' });
    const tooLong = await run('sessions', 'update', s.id, '--minutes', '2000');
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toContain('--minutes: At most 24 hours');

    const page = (await run('--json', 'sessions', 'list', '--filter', `mentor-id=${mentor.id}`)).json<Page>();
    expect(page.total).toBe(1);
    expect((await run('sessions', 'delete', s.id)).code).toBe(0);
    expect((await run('--json', 'sessions', 'list')).json<Page>().total).toBe(0);
  });

  it('refuses an unknown sector and an unknown id with messages that say which', async () => {
    const sector = await run('startups', 'add', '--name', 'Rocket', '--sector', 'spaceships');
    expect(sector.code).toBe(2);
    expect(sector.stderr).toMatch(/--sector: Invalid option: expected one of .*fintech/);

    const id = '0190a0a0-0000-7000-8000-000000000000';
    for (const entity of ['startups', 'mentors', 'trainees', 'sessions']) {
      const r = await run(entity, 'get', id);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`with id ${id}`);
    }
    const update = await run('--json', 'mentors', 'update', id, '--name', 'X');
    expect(update.code).toBe(1);
    expect(update.error()).toMatchObject({ code: 'not-found', id });
    const malformed = await run('startups', 'delete', 'not-an-id');
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('ID: Must be a record id');
    const unknownFlag = await run('startups', 'add', '--name', 'X', '--sector', 'ai', '--colour', 'red');
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toContain("unknown option '--colour'");
  });

  it('lists one page with --limit/--offset, and every row with --all', async () => {
    for (const name of ['Alpha Labs', 'Bravo Tech', 'Charlie Hub', 'Delta Pay', 'Echo Mart']) {
      expect((await run('startups', 'add', '--name', name, '--sector', 'saas')).code).toBe(0);
    }
    const page = (await run('--json', 'startups', 'list', '--limit', '2', '--offset', '2')).json<Page>();
    expect(page).toMatchObject({ total: 5, offset: 2, limit: 2 });
    expect(page.items.map((i) => i.name)).toEqual(['Charlie Hub', 'Delta Pay']);
    const human = await run('startups', 'list', '--limit', '2');
    expect(human.stdout).toContain('1–2 of 5 (next page: --offset 2)');
    const all = (await run('--json', 'startups', 'list', '--all', '--sort', 'name:desc')).json<Row[]>();
    expect(all.map((i) => i.name)).toEqual(['Echo Mart', 'Delta Pay', 'Charlie Hub', 'Bravo Tech', 'Alpha Labs']);
    const badLimit = await run('startups', 'list', '--limit', 'ten');
    expect(badLimit.code).toBe(2);
    expect(badLimit.stderr).toContain('--limit: Must be a whole number');
    const both = await run('startups', 'list', '--all', '--limit', '3');
    expect(both.code).toBe(2);
  });

  it('prints help for a command, generated from the table declaration', async () => {
    const r = await run('trainees', 'add', '--help');
    expect(r.code).toBe(0);
    for (const flag of ['--name', '--cnic', '--skills <list>', '--consent', '--no-consent', '--date-of-birth'])
      expect(r.stdout).toContain(flag);
    const sessions = await run('sessions', 'add', '--help');
    expect(sessions.stdout).toContain('--action-item <text>');
    expect(sessions.stdout).toContain('--mode <choice>');
    expect(sessions.stdout).toContain('one of: in-person, online, phone');
  });
});
