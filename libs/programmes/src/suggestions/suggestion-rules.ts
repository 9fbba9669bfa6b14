import type { HardRule } from '../matching/matching.types';
import { ROLE_MODELS, allOf, menteeKindIn, mentorKindIn, mentorSenior, notSamePerson } from '../matching/rules';
import { type FormRules, years } from '../pairs/pair-rules';

type ModelRules = { rules: readonly HardRule[] };

/**
 * The hard rules of a programme for the matching engine, from the form as stored in the reference
 * data (kinds, ages) and the programme's role models: a pair must fit at least one of them. With
 * no role model chosen, a form whose mentor is usually older asks for an older mentor.
 */
export function suggestionRules(form: FormRules, roleModelCodes: string[]): HardRule[] {
  const rules: HardRule[] = [notSamePerson, mentorKindIn(form.mentorKinds, form.title), menteeKindIn(form.menteeKinds, form.title)];
  const { mentorMinAge, menteeMinAge, menteeMaxAge } = form;
  if (mentorMinAge !== null) {
    rules.push((mentor) => (mentor.age !== undefined && mentor.age < mentorMinAge ? `Наставнику ${years(mentor.age)}, а в форме «${form.title}» — не моложе ${mentorMinAge} лет` : null));
  }
  if (menteeMinAge !== null) {
    rules.push((_m, mentee) => (mentee.age !== undefined && mentee.age < menteeMinAge ? `Наставляемому ${years(mentee.age)}, а в форме «${form.title}» — не младше ${menteeMinAge} лет` : null));
  }
  if (menteeMaxAge !== null) {
    rules.push((_m, mentee) => (mentee.age !== undefined && mentee.age > menteeMaxAge ? `Наставляемому ${years(mentee.age)}, а в форме «${form.title}» — не старше ${menteeMaxAge} лет` : null));
  }
  const known = ROLE_MODELS as Record<string, ModelRules | undefined>;
  const models = roleModelCodes.map((code) => known[code] ?? { rules: [] });
  if (models.length === 0) {
    if (form.mentorUsuallyOlder) rules.push(mentorSenior());
  } else if (models.every((m) => m.rules.length > 0)) {
    const anyModel = models.map((m) => allOf(m.rules));
    rules.push((mentor, mentee) => {
      const reasons = anyModel.map((rule) => rule(mentor, mentee));
      return reasons.includes(null) ? null : reasons.join('; ');
    });
  }
  return rules;
}
