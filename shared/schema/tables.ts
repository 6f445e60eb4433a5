/** Every synced table, in dependency order (parents before children). */
import { centresTable, usersTable } from '../records/centres.js';
import { programmesTable, cohortsTable } from '../records/programmes.js';
import {
  startupsTable,
  foundersTable,
  stageChangesTable,
  quarterlyMetricsTable,
  milestonesTable,
} from '../records/startups.js';
import { mentorsTable, mentorAssignmentsTable } from '../records/mentors.js';
import { mentoringSessionsTable, actionItemsTable } from '../records/sessions.js';
import { traineesTable, enrolmentsTable, certificationsTable, placementsTable } from '../records/trainees.js';

export const tables = {
  centres: centresTable,
  users: usersTable,
  programmes: programmesTable,
  cohorts: cohortsTable,
  startups: startupsTable,
  founders: foundersTable,
  stage_changes: stageChangesTable,
  quarterly_metrics: quarterlyMetricsTable,
  milestones: milestonesTable,
  mentors: mentorsTable,
  mentor_assignments: mentorAssignmentsTable,
  mentoring_sessions: mentoringSessionsTable,
  action_items: actionItemsTable,
  trainees: traineesTable,
  enrolments: enrolmentsTable,
  certifications: certificationsTable,
  placements: placementsTable,
} as const;

export type Tables = typeof tables;
export type TableName = keyof Tables;
export const tableNames = Object.keys(tables) as TableName[];

export function isTableName(name: string): name is TableName {
  return Object.prototype.hasOwnProperty.call(tables, name);
}
