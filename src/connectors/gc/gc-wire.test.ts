import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AGENTINFO_AGENT_TEMPLATE,
  AGENTINFO_SUPERVISOR_TEMPLATE,
  ERROR_EVENT,
  QUEUELIST_UCCE,
  QUEUELIST_UCCX,
  CONTACTS_NOT_FOUND_TEMPLATE,
  CONTACTS_TEMPLATE,
  PHONEBOOKS_NOT_FOUND_TEMPLATE,
  PHONEBOOKS_TEMPLATE,
  PHONEBOOK_VALUES,
  STATE_TEMPLATE,
  TEAM_PHONEBOOKS_NOT_FOUND_TEMPLATE,
  TEAM_PHONEBOOKS_TEMPLATE,
  TEAMUSERSLIST,
  TEAMUSERS_TEMPLATE_PREFIX,
  agentInfoAgentBody,
  agentInfoSupervisorBody,
  fill,
  stateBody,
} from './gc-fixtures.test-data';
import { parseGcEvent, parsePairs, parseTeam, type GcIssue } from './gc-wire';

const GC_DOC = resolve(process.cwd(), '../shared/protocols/gc-generic-connector-activemq.txt');

describe('GC fixtures are the vendor document\'s own templates', () => {
  it.skipIf(!existsSync(GC_DOC))('every template occurs verbatim in gc-generic-connector-activemq.txt', () => {
    const doc = readFileSync(GC_DOC, 'utf8');
    for (const t of [
      STATE_TEMPLATE,
      AGENTINFO_AGENT_TEMPLATE,
      AGENTINFO_SUPERVISOR_TEMPLATE,
      TEAMUSERS_TEMPLATE_PREFIX,
      PHONEBOOKS_TEMPLATE,
      PHONEBOOKS_NOT_FOUND_TEMPLATE,
      CONTACTS_TEMPLATE,
      CONTACTS_NOT_FOUND_TEMPLATE,
      TEAM_PHONEBOOKS_TEMPLATE,
      TEAM_PHONEBOOKS_NOT_FOUND_TEMPLATE,
    ]) {
      expect(doc).toContain(t);
    }
  });

  it('templates have the documented field counts (State 13, AgentInfo 9 / 11)', () => {
    expect(STATE_TEMPLATE.split('#')).toHaveLength(13);
    expect(AGENTINFO_AGENT_TEMPLATE.split('#')).toHaveLength(9);
    expect(AGENTINFO_SUPERVISOR_TEMPLATE.split('#')).toHaveLength(11);
  });
});

describe('parseGcEvent: State (13 fields)', () => {
  it('reads every field in the documented order', () => {
    const r = parseGcEvent(stateBody());
    expect(r).toEqual({
      ok: true,
      issues: [],
      event: {
        event: 'State',
        loginId: 'agent2001',
        state: 'NOT_READY',
        reasonCodeId: '2',
        stateChangeTimeString: '2026-11-22T02:30:00.000Z',
        pendingState: '',
        stateChangeTime: '1795314600000',
        fullName: 'Ann Lee',
        agentLoginId: 'agent2001',
        extension: '2001',
        reasonLabel: 'Lunch',
        loginName: 'ann.lee',
      },
    });
  });

  it('rejects 12 and 14 fields as wrong-field-count', () => {
    const body = stateBody();
    const truncated = body.slice(0, body.lastIndexOf('#'));
    for (const b of [truncated, `${body}#extra`]) {
      const r = parseGcEvent(b);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.issue.code).toBe('wrong-field-count');
        expect(r.loginId).toBe('agent2001');
      }
    }
  });

  it('reports a non-numeric StateChangeTime as wrong-type but keeps the event', () => {
    const r = parseGcEvent(stateBody({ agent_StateChangeTime: 'yesterday' }));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.issues.map((i) => i.code)).toEqual(['wrong-type']);
  });

  it('keeps hostile strings as plain text', () => {
    const r = parseGcEvent(stateBody({ agent_full_name: '<img src=x onerror=alert(1)>' }));
    expect(r.ok && r.event.event === 'State' && r.event.fullName).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('parseGcEvent: AgentInfo', () => {
  it('agent form (9 fields)', () => {
    const r = parseGcEvent(agentInfoAgentBody());
    expect(r).toEqual({
      ok: true,
      issues: [],
      event: {
        event: 'AgentInfo',
        loginId: 'agent2001',
        firstName: 'Ann',
        lastName: 'Lee',
        isSupervisor: false,
        wrapUpMode: 'OPTIONAL',
        teamId: '5',
        fullName: 'Ann Lee',
        loginName: 'ann.lee',
      },
    });
  });

  it('supervisor form (11 fields) with <id><name> team entries', () => {
    const r = parseGcEvent(agentInfoSupervisorBody());
    expect(r).toEqual({
      ok: true,
      issues: [],
      event: {
        event: 'AgentInfo',
        loginId: 'sup9001',
        firstName: 'Sam',
        lastName: 'Visor',
        isSupervisor: true,
        wrapUpMode: 'OPTIONAL',
        totalNumberOfTeams: 2,
        teams: [
          { id: '5', name: 'Customer Care' },
          { id: '7', name: 'Billing Desk' },
        ],
        teamId: '5',
        fullName: 'Sam Visor',
        loginName: 'sam.visor',
      },
    });
  });

  it('supervisor form also accepts id:name team entries', () => {
    const body = 'sup9001#AgentInfo#Sam#Visor#true#OPTIONAL#TotalNumberOfTeams:2#T5:Customer Care|T7:Billing Desk#T5#Sam Visor#sam.visor';
    const r = parseGcEvent(body);
    expect(r.ok && r.event.event === 'AgentInfo' && r.event.teams).toEqual([
      { id: 'T5', name: 'Customer Care' },
      { id: 'T7', name: 'Billing Desk' },
    ]);
  });

  it('supervisor form: all three team spellings <id><name>, <id>,<name>, <id>:<name> (the ",Sales" bug)', () => {
    for (const [teams, expected] of [
      ['5000Sales|5001Support', [{ id: '5000', name: 'Sales' }, { id: '5001', name: 'Support' }]],
      ['5000,Sales|5001,Support', [{ id: '5000', name: 'Sales' }, { id: '5001', name: 'Support' }]],
      ['5000:Sales|5001:Support', [{ id: '5000', name: 'Sales' }, { id: '5001', name: 'Support' }]],
      ['5Customer Care|7,Billing Desk|9:Back Office', [{ id: '5', name: 'Customer Care' }, { id: '7', name: 'Billing Desk' }, { id: '9', name: 'Back Office' }]],
    ] as const) {
      const body = `sup9001#AgentInfo#Sam#Visor#true#OPTIONAL#TotalNumberOfTeams:${expected.length}#${teams}#5#Sam Visor#sam.visor`;
      const r = parseGcEvent(body);
      expect(r.ok && r.issues, teams).toEqual([]);
      expect(r.ok && r.event.event === 'AgentInfo' && r.event.teams, teams).toEqual(expected);
    }
  });

  it('parseTeam: a team entry without a readable id is undefined', () => {
    expect(parseTeam('Sales')).toBeUndefined();
    expect(parseTeam('')).toBeUndefined();
    expect(parseTeam(' 12 , Sales ')).toEqual({ id: '12', name: 'Sales' });
  });

  it('rejects Is_Supervisor that is not true/false, a bad team count, 10 fields', () => {
    const bad = [
      [agentInfoAgentBody({ Is_Supervisor: 'yes' }), 'wrong-type'],
      [agentInfoSupervisorBody({ TeamsCount: 'two' }), 'wrong-type'],
      ['sup9001#AgentInfo#Sam#Visor#true#OPTIONAL#Teams:2#5A|7B#5#Sam#sam', 'malformed-frame'],
      ['agent2001#AgentInfo#Ann#Lee#false#OPTIONAL#5#Ann Lee#ann#x', 'wrong-field-count'],
    ] as const;
    for (const [b, code] of bad) {
      const r = parseGcEvent(b);
      expect(r.ok ? 'ok' : r.issue.code, b).toBe(code);
    }
  });

  it('reports a team count that does not match the list, keeping the teams', () => {
    const r = parseGcEvent(agentInfoSupervisorBody({ TeamsCount: '3' }));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.issues.map((i) => i.code)).toEqual(['wrong-field-count']);
      expect(r.event.event === 'AgentInfo' && r.event.teams).toHaveLength(2);
    }
  });
});

describe('parseGcEvent: QueueList (our contract, NOTES.md §3)', () => {
  it('UCCE: queues by |, pairs by , and key:value at the first :', () => {
    const r = parseGcEvent(QUEUELIST_UCCE);
    expect(r.ok).toBe(true);
    if (!r.ok || r.event.event !== 'QueueList') return;
    expect(r.event.loginId).toBe('sup9001');
    expect(r.event.queues).toHaveLength(2);
    expect(r.event.queues[0]?.get('queue_name')).toBe('Sales');
    expect(r.event.queues[1]?.get('Number_of_CallsInQueue')).toBe('4');
  });

  it('UCCX keys', () => {
    const r = parseGcEvent(QUEUELIST_UCCX);
    expect(r.ok && r.event.event === 'QueueList' && r.event.queues.map((q) => q.get('queue_1_WaitingCalls') ?? q.get('queue_2_WaitingCalls'))).toEqual(['2', '0']);
  });

  it('splits at the first colon only; a value may contain colons', () => {
    const issues: GcIssue[] = [];
    expect(parsePairs('a:b:c,,d:,e', issues)).toEqual([
      ['a', 'b:c'],
      ['d', ''],
    ]);
    expect(issues.map((i) => i.code)).toEqual(['malformed-frame']);
  });

  it('drops __proto__ / constructor keys as hostile-key without polluting anything', () => {
    const r = parseGcEvent('sup9001#QueueList#queue_name:Sales,__proto__:polluted,constructor:x,Number_of_CallsInQueue:1');
    expect(r.ok).toBe(true);
    if (!r.ok || r.event.event !== 'QueueList') return;
    expect(r.issues.map((i) => i.code)).toEqual(['hostile-key', 'hostile-key']);
    expect([...(r.event.queues[0]?.keys() ?? [])]).toEqual(['queue_name', 'Number_of_CallsInQueue']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an empty list is zero queues', () => {
    const r = parseGcEvent('sup9001#QueueList#');
    expect(r.ok && r.event.event === 'QueueList' && r.event.queues).toEqual([]);
  });
});

describe('parseGcEvent: TeamUsersList', () => {
  it('reads users with case-insensitive keys', () => {
    const r = parseGcEvent(TEAMUSERSLIST.replace('LoginID', 'loginId'));
    expect(r.ok).toBe(true);
    if (!r.ok || r.event.event !== 'TeamUsersList') return;
    expect(r.event.users).toHaveLength(2);
    const u = r.event.users[0];
    expect(u?.get('loginid')).toBe('agent2001');
    expect(u?.get('firstname')).toBe('Ann');
    expect(u?.get('statechangetime')).toBe('2026-11-22T02:30:00.000Z');
    expect(r.event.users[1]?.get('pendingstate')).toBe('NOT_READY');
  });

  it('tolerates the trailing comma of the vendor template', () => {
    const r = parseGcEvent('sup9001#TeamUsersList#FirstName:Ann,LastName:Lee,Extension:2001,LoginID:agent2001,');
    expect(r.ok && r.event.event === 'TeamUsersList' && r.event.users[0]?.get('extension')).toBe('2001');
  });
});

describe('parseGcEvent: Error and failures', () => {
  it('Error event', () => {
    expect(parseGcEvent(ERROR_EVENT)).toEqual({
      ok: true,
      issues: [],
      event: { event: 'Error', loginId: 'agent2001', code: 'USER_NOT_FOUND', message: 'Agent agent2001 is not logged in' },
    });
  });

  it('typed failures, never throws', () => {
    const cases: Array<[unknown, string]> = [
      [undefined, 'malformed-frame'],
      [42, 'malformed-frame'],
      ['', 'malformed-frame'],
      ['garbage without delimiters', 'malformed-frame'],
      ['#State#READY', 'malformed-frame'],
      ['agent2001#Dialog#whatever', 'unknown-event'],
      ['agent2001#__proto__#x', 'unknown-event'],
      ['agent2001#Error', 'wrong-field-count'],
      ['sup9001#QueueList#a:1#b:2', 'wrong-field-count'],
    ];
    for (const [body, code] of cases) {
      const r = parseGcEvent(body);
      expect(r.ok ? 'ok' : r.issue.code, String(body)).toBe(code);
    }
  });

  it('accepts a trailing newline', () => {
    expect(parseGcEvent(`${stateBody()}\n`).ok).toBe(true);
  });
});

describe('parseGcEvent: Phonebooks, TeamPhoneBooks, PhonebookContacts (gc doc "Event: Phonebook")', () => {
  it('Phonebooks from the vendor template, and several separated by |', () => {
    expect(parseGcEvent(fill(PHONEBOOKS_TEMPLATE, PHONEBOOK_VALUES))).toEqual({
      ok: true,
      issues: [],
      event: { event: 'Phonebooks', loginId: 'agent2001', found: true, phonebooks: [{ id: '1', name: 'Company', type: 'GLOBAL' }] },
    });
    const r = parseGcEvent('agent2001#Phonebooks#name:Company,type:GLOBAL,id:1|name:Suppliers,type:GLOBAL,id:2');
    expect(r.ok && r.event.event === 'Phonebooks' && r.event.phonebooks.map((p) => p.id)).toEqual(['1', '2']);
  });

  it('TeamPhoneBooks from the vendor template', () => {
    expect(parseGcEvent(fill(TEAM_PHONEBOOKS_TEMPLATE, PHONEBOOK_VALUES))).toEqual({
      ok: true,
      issues: [],
      event: { event: 'TeamPhoneBooks', loginId: 'agent2001', found: true, phonebooks: [{ id: '1', name: 'Company', type: 'GLOBAL' }] },
    });
  });

  it('PhonebookContacts from the vendor template', () => {
    expect(parseGcEvent(fill(CONTACTS_TEMPLATE, PHONEBOOK_VALUES))).toEqual({
      ok: true,
      issues: [],
      event: {
        event: 'PhonebookContacts',
        loginId: 'agent2001',
        found: true,
        contacts: [{ id: '101', firstName: 'Nina', lastName: 'Berg', phoneNumber: '2005', description: 'Front desk' }],
      },
    });
  });

  it('the three "not found" bodies are empty lists with found: false', () => {
    expect(parseGcEvent(fill(PHONEBOOKS_NOT_FOUND_TEMPLATE, PHONEBOOK_VALUES))).toEqual({
      ok: true,
      issues: [],
      event: { event: 'Phonebooks', loginId: 'agent2001', found: false, phonebooks: [] },
    });
    expect(parseGcEvent(fill(TEAM_PHONEBOOKS_NOT_FOUND_TEMPLATE, PHONEBOOK_VALUES))).toEqual({
      ok: true,
      issues: [],
      event: { event: 'TeamPhoneBooks', loginId: 'agent2001', found: false, phonebooks: [] },
    });
    expect(parseGcEvent(fill(CONTACTS_NOT_FOUND_TEMPLATE, PHONEBOOK_VALUES))).toEqual({
      ok: true,
      issues: [],
      event: { event: 'PhonebookContacts', loginId: 'agent2001', found: false, contacts: [] },
    });
  });

  it('an entry without id is reported and skipped; a __proto__ key is dropped; wrong field counts fail', () => {
    const r = parseGcEvent('agent2001#PhonebookContacts#firstName:X,phoneNumber:1|__proto__:x,firstName:Y,id:7');
    expect(r.ok && r.issues.map((i) => i.code)).toEqual(['hostile-key', 'missing-id']);
    expect(r.ok && r.event.event === 'PhonebookContacts' && r.event.contacts.map((c) => c.id)).toEqual(['7']);
    const bad = parseGcEvent('agent2001#Phonebooks#name:A,id:1#extra');
    expect(bad.ok ? 'ok' : bad.issue.code).toBe('wrong-field-count');
  });
});
