import type { AssignmentAnswer, AssignmentCommand, AssignmentCommandInput } from '../../../use-cases/run-assignment-command';

/** Assignment's audited commands (issue 14), bound by the composition root; its queries go through `engine`. */
export interface AssignmentDeps {
  run<C extends AssignmentCommand>(input: AssignmentCommandInput<C>): Promise<AssignmentAnswer<C>>;
}
