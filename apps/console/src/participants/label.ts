/** What tells namesakes apart in a pick list: «Алексеев Артём Андреевич, 7Б класс» or «…, учитель (математика)». */
export type LabelledParticipant = { fullName: string; grade?: number | null; classLetter?: string | null; position?: string | null };

export function participantLabel(person: LabelledParticipant | undefined | null): string {
  if (!person) return '';
  if (person.grade) return `${person.fullName}, ${person.grade}${person.classLetter ?? ''} класс`;
  if (person.position) return `${person.fullName}, ${person.position}`;
  return person.fullName;
}
