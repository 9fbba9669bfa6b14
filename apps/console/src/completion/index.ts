export { competitionEntries, mentorCompetitions } from './competitions';
export { mentorNominations } from './nominations';
export { practiceCases, practiceModeration } from './practices';
