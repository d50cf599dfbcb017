import type { Transaction } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import type { BotContext } from '../../domain/bot';
import { officeHoursNow } from '../../domain/support/office-hours';
import { describeMoment } from '../../domain/support/office-hours-wording';
import { loadOfficeSchedule } from './load-office-schedule';

/**
 * What the bot needs to know about office hours when a student asks for support: nothing inside hours (or
 * when not configured), otherwise that the team is closed and when it is back, in the school's words.
 */
export async function officeHoursContext(trx: Transaction<EngineDatabase>, now: Date): Promise<Pick<BotContext, 'officeClosed'>> {
  const { schedule } = await loadOfficeSchedule(trx, now);
  if (!schedule?.enabled) return {};
  const { open, nextChangeAt } = officeHoursNow(schedule, now);
  if (open) return {};
  return { officeClosed: { backAt: nextChangeAt ? describeMoment(nextChangeAt, now, schedule.timeZone) : null } };
}
