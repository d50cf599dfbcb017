import type { Choice, ListContent } from './api';

/** The sheet a list message opens: its sections and rows; tapping a row answers with that row. */
export function createListSheet(onPick: (choice: Choice, bubbleId: string) => void) {
  const dialog = document.getElementById('list-sheet') as HTMLDialogElement;
  const title = document.getElementById('list-title')!;
  const sections = document.getElementById('list-sections')!;
  document.getElementById('list-close')!.addEventListener('click', () => dialog.close());

  return {
    open(list: ListContent, bubbleId: string) {
      title.textContent = list.button;
      sections.replaceChildren();
      for (const section of list.sections) {
        const group = document.createElement('div');
        group.setAttribute('role', 'group');
        if (section.title) {
          const heading = document.createElement('h3');
          heading.textContent = section.title;
          group.append(heading);
          group.setAttribute('aria-label', section.title);
        }
        for (const row of section.rows) {
          const button = document.createElement('button');
          button.type = 'button';
          button.className = 'row-choice';
          button.textContent = row.title;
          if (row.description) {
            const description = document.createElement('small');
            description.textContent = row.description;
            button.append(description);
          }
          button.addEventListener('click', () => {
            dialog.close();
            onPick(row, bubbleId);
          });
          group.append(button);
        }
        sections.append(group);
      }
      dialog.showModal();
    },
  };
}
