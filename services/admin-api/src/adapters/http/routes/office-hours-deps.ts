import type { OfficeHoursView } from '@app/contracts';
import type { AdminUser } from '../../../domain/admin-user';
import type { OfficeHoursAnswer, OfficeHoursCommand, OfficeHoursCommandInput } from '../../../use-cases/run-office-hours-command';

/** Office hours' use cases (issue 14), bound by the composition root. */
export interface OfficeHoursDeps {
  get(input: { user: AdminUser; correlationId: string }): Promise<OfficeHoursView>;
  run<C extends OfficeHoursCommand>(input: OfficeHoursCommandInput<C>): Promise<OfficeHoursAnswer<C>>;
}
