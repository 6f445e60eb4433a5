import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/index.js';
import { byteUnits } from './bytes.js';

export function useFormatBytes(): (bytes: number) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (bytes: number) => {
    const { unit, value } = byteUnits(bytes);
    return t(`settings.bytes.${unit}`, { value: format.number(value, { maximumFractionDigits: 1 }) });
  };
}
