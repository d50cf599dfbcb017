import { WHATSAPP_LIMITS as L } from '@app/contracts';
import { parameterError } from './graph-error';
import { checkArray, checkObject, checkText, checkUnique, firstProblem, isObject, type Problem } from './payload-checks';

const HEADER_MEDIA = ['image', 'video', 'document'];

function checkHeader(header: unknown): Problem {
  if (header === undefined) return undefined;
  const name = "interactive['header']";
  if (!isObject(header)) return checkObject(header, name);
  if (header.type === 'text') return checkText(header.text, `${name}['text']`, { max: L.headerText, required: true });
  if (typeof header.type === 'string' && HEADER_MEDIA.includes(header.type))
    return checkObject(header[header.type], `${name}['${header.type}']`);
  return parameterError(100, `Param ${name}['type'] must be one of {text, ${HEADER_MEDIA.join(', ')}}.`);
}

function checkFooter(footer: unknown): Problem {
  if (footer === undefined) return undefined;
  const name = "interactive['footer']";
  return (
    checkObject(footer, name) ??
    checkText((footer as Record<string, unknown>).text, `${name}['text']`, { max: L.footerText, required: true })
  );
}

function checkButtons(action: Record<string, unknown>): Problem {
  const name = "interactive['action']['buttons']";
  const counted = checkArray(action.buttons, name, 1, L.buttons, 'buttons');
  if (counted) return counted;
  const buttons = action.buttons as unknown[];
  for (const [i, button] of buttons.entries()) {
    const at = `${name}[${i}]`;
    const problem = firstProblem(
      () => checkObject(button, at),
      () =>
        (button as Record<string, unknown>).type === 'reply' ? undefined : parameterError(131009, `Param ${at}['type'] must be reply.`),
      () => checkObject((button as Record<string, unknown>).reply, `${at}['reply']`),
      () => checkText(replyOf(button).id, `${at}['reply']['id']`, { max: L.buttonId, required: true }),
      () => checkText(replyOf(button).title, `${at}['reply']['title']`, { max: L.buttonTitle, required: true }),
    );
    if (problem) return problem;
  }
  return checkUnique(
    buttons.map((b) => replyOf(b).id),
    'Button ids',
  );
}

const replyOf = (button: unknown) => (button as { reply: Record<string, unknown> }).reply;

function checkList(action: Record<string, unknown>): Problem {
  const name = "interactive['action']";
  const base = firstProblem(
    () => checkText(action.button, `${name}['button']`, { max: L.listButton, required: true }),
    () => checkArray(action.sections, `${name}['sections']`, 1, L.listSections, 'sections'),
  );
  if (base) return base;
  const sections = action.sections as unknown[];
  const rows: Record<string, unknown>[] = [];
  for (const [i, section] of sections.entries()) {
    const at = `${name}['sections'][${i}]`;
    const problem = firstProblem(
      () => checkObject(section, at),
      // One section may go without a title; with several, each needs one.
      () =>
        checkText((section as Record<string, unknown>).title, `${at}['title']`, { max: L.listSectionTitle, required: sections.length > 1 }),
      () => checkArray((section as Record<string, unknown>).rows, `${at}['rows']`, 1, L.listRowsTotal, 'rows'),
    );
    if (problem) return problem;
    for (const [j, row] of ((section as Record<string, unknown>).rows as unknown[]).entries()) {
      const rowAt = `${at}['rows'][${j}]`;
      const rowProblem = firstProblem(
        () => checkObject(row, rowAt),
        () => checkText((row as Record<string, unknown>).id, `${rowAt}['id']`, { max: L.listRowId, required: true }),
        () => checkText((row as Record<string, unknown>).title, `${rowAt}['title']`, { max: L.listRowTitle, required: true }),
        () =>
          checkText((row as Record<string, unknown>).description, `${rowAt}['description']`, {
            max: L.listRowDescription,
            required: false,
          }),
      );
      if (rowProblem) return rowProblem;
      rows.push(row as Record<string, unknown>);
    }
  }
  if (rows.length > L.listRowsTotal) {
    return parameterError(131009, `Total row count exceed max allowed count: ${L.listRowsTotal}.`);
  }
  return checkUnique(
    rows.map((r) => r.id),
    'Row ids',
  );
}

/** `interactive` of a send: reply buttons or a list, within every limit Meta enforces. */
export function checkInteractive(interactive: unknown): Problem {
  const missing = checkObject(interactive, 'interactive');
  if (missing) return missing;
  const value = interactive as Record<string, unknown>;
  if (value.type !== 'button' && value.type !== 'list') {
    return value.type === undefined
      ? parameterError(131008, "Parameter interactive['type'] is required.")
      : parameterError(131009, "Param interactive['type'] must be button or list (the kinds this double implements).");
  }
  return firstProblem(
    () => checkHeader(value.header),
    () => checkObject(value.body, "interactive['body']"),
    () =>
      checkText((value.body as Record<string, unknown>).text, "interactive['body']['text']", { max: L.interactiveBody, required: true }),
    () => checkFooter(value.footer),
    () => checkObject(value.action, "interactive['action']"),
    () =>
      value.type === 'button' ? checkButtons(value.action as Record<string, unknown>) : checkList(value.action as Record<string, unknown>),
  );
}
