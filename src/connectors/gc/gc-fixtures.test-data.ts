/**
 * GC test fixtures built from the vendor document's own templates
 * (gc-generic-connector-activemq.txt "Event: State", "Event: AgentInfo", "Event: QueueList",
 * "Event: TeamUsersList") and CONTRACTS.md "GC wire". The templates are copied verbatim; the
 * doc-check test asserts they occur in the vendor document.
 */

/** "Event: State" JMS-Body, verbatim. */
export const STATE_TEMPLATE =
  '<agent_login_Id>#State#<agent_current_state>#<resonCodeId>#<agent_StateChangeTimeString>#<agent_PendingState>#<agent_StateChangeTime>#<agent_full_name>#<agent_login_Id>#<agent_Extension>#<agent_StateChangeReasonLabel>#<agent_full_name>#<agent_login_name>';

/** "Event: AgentInfo" JMS-Body, agent form, verbatim. */
export const AGENTINFO_AGENT_TEMPLATE =
  '<agent_login_Id>#AgentInfo#<agent_first_name>#<agent_last_name>#<Is_Supervisor>#<wrap_up_mode>#<agent_teamId>#<agent_full_name>#<agent_login_name>';

/** "Event: AgentInfo" JMS-Body, supervisor form, verbatim. */
export const AGENTINFO_SUPERVISOR_TEMPLATE =
  '<agent_login_Id>#AgentInfo#<agent_first_name>#<agent_last_name>#<Is_Supervisor>#<wrap_up_mode>#TotalNumberOfTeams:TeamsCount#<team_1_id><team_1_name>|<team_2_id><team_2_name>#<agent_teamId>#<agent_full_name>#<agent_login_name>';

/** "Event: TeamUsersList" JMS-Body prefix, verbatim (the document is truncated after it). */
export const TEAMUSERS_TEMPLATE_PREFIX =
  '<agent_supervisor_login_Id>#TeamUsersList#FirstName:<user_1_firstName>,LastName:<user_1_lastName>,Extension:<user_1_extension>,';

/** Replaces every `<name>` (and the bare `TeamsCount`) by `values[name]`; throws on a missing value. */
export function fill(template: string, values: Record<string, string>): string {
  return template
    .replace(/<([A-Za-z0-9_]+)>/g, (_, k: string) => {
      if (!(k in values)) throw new Error(`no value for <${k}>`);
      return values[k] ?? '';
    })
    .replace('TeamsCount', values.TeamsCount ?? 'TeamsCount');
}

/** A State event for agent2001, NOT_READY reason 2 (Lunch), built from the template. */
export function stateBody(over: Partial<Record<string, string>> = {}): string {
  return fill(STATE_TEMPLATE, {
    agent_login_Id: 'agent2001',
    agent_current_state: 'NOT_READY',
    resonCodeId: '2',
    agent_StateChangeTimeString: '2026-11-22T02:30:00.000Z',
    agent_PendingState: '',
    agent_StateChangeTime: '1795314600000',
    agent_full_name: 'Ann Lee',
    agent_Extension: '2001',
    agent_StateChangeReasonLabel: 'Lunch',
    agent_login_name: 'ann.lee',
    ...over,
  } as Record<string, string>);
}

/** AgentInfo, agent form, for agent2001 in team 5. */
export function agentInfoAgentBody(over: Partial<Record<string, string>> = {}): string {
  return fill(AGENTINFO_AGENT_TEMPLATE, {
    agent_login_Id: 'agent2001',
    agent_first_name: 'Ann',
    agent_last_name: 'Lee',
    Is_Supervisor: 'false',
    wrap_up_mode: 'OPTIONAL',
    agent_teamId: '5',
    agent_full_name: 'Ann Lee',
    agent_login_name: 'ann.lee',
    ...over,
  } as Record<string, string>);
}

/** AgentInfo, supervisor form, for sup9001 with teams 5 "Customer Care" and 7 "Billing Desk". */
export function agentInfoSupervisorBody(over: Partial<Record<string, string>> = {}): string {
  return fill(AGENTINFO_SUPERVISOR_TEMPLATE, {
    agent_login_Id: 'sup9001',
    agent_first_name: 'Sam',
    agent_last_name: 'Visor',
    Is_Supervisor: 'true',
    wrap_up_mode: 'OPTIONAL',
    TeamsCount: '2',
    team_1_id: '5',
    team_1_name: 'Customer Care',
    team_2_id: '7',
    team_2_name: 'Billing Desk',
    agent_teamId: '5',
    agent_full_name: 'Sam Visor',
    agent_login_name: 'sam.visor',
    ...over,
  } as Record<string, string>);
}

/** QueueList, UCCE keys (gc doc "Event: QueueList" UCCE payload; CONTRACTS.md "GC wire"), two queues. */
export const QUEUELIST_UCCE =
  'sup9001#QueueList#queue_name:Sales,Number_of_CallsInQueue:1,Number_of_Agents_Ready:2,Number_of_Agents_NotReady:1,number_of_agents_talking_inbound:3,number_of_agents_talking_outbound:0,number_of_agents_talking_internal:0,number_of_agents_in_wrapup_ready_state:0,number_of_agents_in_wrapup_notready_state:1|queue_name:Support,Number_of_CallsInQueue:4,Number_of_Agents_Ready:0,Number_of_Agents_NotReady:2,number_of_agents_talking_inbound:1,number_of_agents_talking_outbound:1,number_of_agents_talking_internal:1,number_of_agents_in_wrapup_ready_state:1,number_of_agents_in_wrapup_notready_state:1';

/** QueueList, UCCX keys (gc doc "Event: QueueList" UCCX payload), two CSQs. */
export const QUEUELIST_UCCX =
  'sup9001#QueueList#queue_1_Name:Sales CSQ,queue_1_WaitingCalls:2,queue_1_AgentsLoggedIn:9,queue_1_AgentsInAfterCallWork:1,queue_1_AgentsTalking:4,queue_1_AgentsReserved:1,queue_1_HandledCalls:120,queue_1_AbandonedCalls:6,queue_1_TotalCalls:126,queue_1_LongestHandleTime:845|queue_2_WaitingCalls:0,queue_2_AgentsLoggedIn:3';

/** TeamUsersList with every documented key (gc doc "Event: TeamUsersList"), two users. */
export const TEAMUSERSLIST =
  'sup9001#TeamUsersList#FirstName:Ann,LastName:Lee,Extension:2001,LoginID:agent2001,State:NOT_READY,PendingState:,MediaType:voice,StateChangeTime:2026-11-22T02:30:00.000Z,StateChangeLabel:Lunch|FirstName:Bob,LastName:Ray,Extension:2002,LoginID:agent2002,State:TALKING,PendingState:NOT_READY,MediaType:voice,StateChangeTime:2026-11-22T02:31:00.000Z,StateChangeLabel:';

/** Error event (NOTES.md §3). */
export const ERROR_EVENT = 'agent2001#Error#USER_NOT_FOUND#Agent agent2001 is not logged in';

/** "Event: Phonebook" JMS-Body (Phonebooks), verbatim, and its "no data found" form. */
export const PHONEBOOKS_TEMPLATE = '<agent_supervisor_login_Id>#Phonebooks#name:<phonebook_1_name>,type:<phonebook_1_type>,id:<phonebook_1_id>';
export const PHONEBOOKS_NOT_FOUND_TEMPLATE = '<agent_supervisor_login_Id>#Phonebooks#NoPhoneBookFound';

/** "Event: Phonebook" JMS-Body (PhonebookContacts), verbatim, and its "no data found" form. */
export const CONTACTS_TEMPLATE =
  '<agent_supervisor_login_Id>#PhonebookContacts#description:<contact_1_description>,firstName:<contact_1_firstName>,lastName:<contact_1_lastName>,phoneNumber:<contact_1_phoneNumber>,id:<contact_1_id>';
export const CONTACTS_NOT_FOUND_TEMPLATE = '<agent_supervisor_login_Id>#PhonebookContacts#NoContactFound';

/** "Event: TeamUsersList" (TeamPhoneBooks; mis-titled in the document) JMS-Body, verbatim, and its "no data found" form. */
export const TEAM_PHONEBOOKS_TEMPLATE = '<agent_supervisor_login_Id>#TeamPhoneBooks#name:<phonebook_1_name>,type:<phonebook_1_type>,id:<phonebook_1_id>';
export const TEAM_PHONEBOOKS_NOT_FOUND_TEMPLATE = '<agent_supervisor_login_Id>#TeamPhoneBooks#NoTeamPhoneBookFound';

/** Values for the phonebook templates: agent2001's phonebook 1 "Company" and contact 101. */
export const PHONEBOOK_VALUES: Record<string, string> = {
  agent_supervisor_login_Id: 'agent2001',
  phonebook_1_name: 'Company',
  phonebook_1_type: 'GLOBAL',
  phonebook_1_id: '1',
  contact_1_description: 'Front desk',
  contact_1_firstName: 'Nina',
  contact_1_lastName: 'Berg',
  contact_1_phoneNumber: '2005',
  contact_1_id: '101',
};
