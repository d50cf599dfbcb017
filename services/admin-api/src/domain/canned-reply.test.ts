import { describe, expect, it } from 'vitest';
import { renderCannedReply } from './canned-reply';

describe('renderCannedReply', () => {
  it('fills every placeholder, each as often as it appears', () => {
    const text = renderCannedReply('Hi {student_name}, {agent_name} here. {class} results: ask {agent_name}.', {
      student_name: 'Ada Lovelace',
      agent_name: 'Ms Khumalo',
      class: 'Grade 10B',
    });
    expect(text).toBe('Hi Ada Lovelace, Ms Khumalo here. Grade 10B results: ask Ms Khumalo.');
  });

  it('leaves unknown placeholders and near misses as typed', () => {
    expect(renderCannedReply('{teacher} {Student_Name} { class } {class', { class: '9A' })).toBe(
      '{teacher} {Student_Name} { class } {class',
    );
  });

  it('says something sensible for a missing or blank value, never undefined', () => {
    const text = renderCannedReply('Hi {student_name}, about {class}, {agent_name}', { student_name: null, class: '   ' });
    expect(text).toBe('Hi there, about your class, the school team');
    expect(text).not.toContain('undefined');
  });

  it('does not fill a placeholder that a value brought in', () => {
    expect(renderCannedReply('{student_name} / {class}', { student_name: '{class}', class: '7C' })).toBe('{class} / 7C');
  });

  it('keeps a body without placeholders as it is', () => {
    expect(renderCannedReply('Office hours are 8 to 4.', {})).toBe('Office hours are 8 to 4.');
  });
});
