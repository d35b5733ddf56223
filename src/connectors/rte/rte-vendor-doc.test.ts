import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  QUEUE_STATUS_PASCAL,
  USER_AVAILABILITY_PASCAL,
  USER_STATUS_PASCAL,
  VENDOR_SUBSCRIPTION_RESULT,
  VENDOR_UNSUBSCRIBE_RESULT,
} from './rte-fixtures.test-data';
import { RTE_EVENT_TABLES, RTE_MISC_TABLES } from './rte-tables';

/** The vendor document, relative to the repository (`../shared/protocols/`). */
const RTE_DOC = resolve(process.cwd(), '../shared/protocols/rte-enreach-realtime-engine-signalr.txt');
const present = existsSync(RTE_DOC);

/** Property names of one "Event: <name>" table of the document. */
function tableProperties(doc: string, event: string, heading = 'Event'): string[] {
  const start = doc.indexOf(`${heading}: ${event}\n`);
  if (start < 0) return [];
  const header = doc.indexOf('Property name Value type Description', start);
  const lines = doc.slice(header).split('\n').slice(1);
  const props: string[] = [];
  for (const l of lines) {
    if (l.trim() === '') break;
    const name = l.split(' ')[0];
    if (name) props.push(name);
  }
  return props;
}

describe.skipIf(!present)('RTE fixtures are the vendor document\'s own', () => {
  const doc = present ? readFileSync(RTE_DOC, 'utf8') : '';

  it('the subscription and unsubscribe result examples occur verbatim', () => {
    expect(doc).toContain(VENDOR_SUBSCRIPTION_RESULT);
    expect(doc).toContain(VENDOR_UNSUBSCRIBE_RESULT);
  });

  it('the QueueStatus, UserStatus, UserAvailability fixtures carry exactly the documented properties', () => {
    expect(Object.keys(QUEUE_STATUS_PASCAL).sort()).toEqual(tableProperties(doc, 'QueueStatus').sort());
    expect(Object.keys(USER_STATUS_PASCAL).sort()).toEqual(tableProperties(doc, 'UserStatus').sort());
    expect(Object.keys(USER_AVAILABILITY_PASCAL).sort()).toEqual(tableProperties(doc, 'UserAvailability').sort());
    expect(tableProperties(doc, 'QueueStatus')).toHaveLength(17);
  });

  it('the wire tables (rte-tables.ts) are exactly the document\'s event and helper tables', () => {
    const events = [...doc.matchAll(/^Event: (\w+)$/gm)].map((m) => m[1]);
    expect(Object.keys(RTE_EVENT_TABLES)).toEqual(events);
    for (const [name, table] of Object.entries(RTE_EVENT_TABLES)) expect(Object.keys(table), name).toEqual(tableProperties(doc, name));
    for (const [name, table] of Object.entries(RTE_MISC_TABLES)) expect(Object.keys(table), name).toEqual(tableProperties(doc, name, 'Misc'));
  });
});
