// The school year of a date in the region's calendar («2022/2023»).
export { schoolYearOf } from '@nastavnik/platform/calendar';
