import { DateField, type DateFieldProps } from 'react-admin';

/** A date (or, with `showTime`, a moment) shown the Russian way, whatever the browser's language. */
export const RuDateField = (props: DateFieldProps) => <DateField locales="ru-RU" {...props} />;
