/** A registered student as the bot knows them; its own file so that events.ts and types.ts need not import each other. */
export interface StudentProfile {
  name: string;
  email: string;
  className: string;
}
