import { declarePersonalData, personalDataDeclarationOf, personalDataPropertyNames } from '../src/personal-data/personal-data';

describe('personal data: the compact declaration (fields by category, column from the property)', () => {
  it('derives the column in snake_case, takes a stated one as given, and lists the fields in category order', () => {
    const declared = declarePersonalData(
      { entity: 'SpecPerson', title: 'Человек (спек)', table: 'spec_people' },
      { other: { teachingExperienceYears: 'Стаж, лет' }, 'free-text': { text: ['Ответ (текст)', 'value_text'] }, name: { lastName: 'Фамилия', nameKey: 'Ключ ФИО' } },
    );
    expect(declared.fields).toEqual([
      { property: 'lastName', column: 'last_name', category: 'name', title: 'Фамилия' },
      { property: 'nameKey', column: 'name_key', category: 'name', title: 'Ключ ФИО' },
      { property: 'text', column: 'value_text', category: 'free-text', title: 'Ответ (текст)' },
      { property: 'teachingExperienceYears', column: 'teaching_experience_years', category: 'other', title: 'Стаж, лет' },
    ]);
    expect(personalDataDeclarationOf('SpecPerson')).toBe(declared);
    for (const name of ['lastName', 'last_name', 'text', 'value_text', 'teaching_experience_years']) expect(personalDataPropertyNames().has(name)).toBe(true);
  });

  it('refuses a field in two categories, a field without its Russian title, and the same entity declared differently', () => {
    const header = { entity: 'SpecOther', title: 'Другое (спек)', table: 'spec_other' };
    expect(() => declarePersonalData(header, { name: { rater: 'Эксперт' }, other: { rater: 'Эксперт' } })).toThrow('SpecOther.rater declared twice');
    expect(() => declarePersonalData(header, { name: { rater: ' ' } })).toThrow('SpecOther.rater needs its Russian title');
    declarePersonalData(header, { name: { rater: 'Эксперт' } });
    expect(() => declarePersonalData(header, { name: { rater: 'Эксперт' } })).not.toThrow();
    expect(() => declarePersonalData(header, { other: { rater: 'Эксперт' } })).toThrow('SpecOther declared twice, differently');
  });
});
