import { TextInput, type TextInputProps } from 'react-admin';
import { isoToRu, realDate, ruToIso } from './ruDate';

/**
 * A date typed the Russian way (ДД.ММ.ГГГГ) and kept as the API's ISO date: the browser's own
 * date picker follows the browser's language and may show mm/dd/yyyy.
 */
export const RuDateInput = ({ validate, helperText, ...props }: TextInputProps) => (
  <TextInput
    {...props}
    format={isoToRu}
    parse={ruToIso}
    validate={[realDate, ...(Array.isArray(validate) ? validate : validate ? [validate] : [])]}
    placeholder="ДД.ММ.ГГГГ"
    helperText={helperText ?? 'ДД.ММ.ГГГГ'}
    fullWidth={false}
    sx={{ width: 240, ...props.sx }}
    slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 10 } }}
  />
);
