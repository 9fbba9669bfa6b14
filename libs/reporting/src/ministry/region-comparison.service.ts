import { Injectable } from '@nestjs/common';
import { INDICATORS } from '@nastavnik/monitoring/indicator-definitions';
import type { ExtractTerritory } from '../render/extract-layout';
import { ReportDataService } from '../report-data.service';
import type { RegionComparisonType, RegionFiguresType } from './region-comparison.types';

/** The indicators the ministry compares regions on: the target model's (Р-145 T1–T4, N1, §6.7 M1–M5) and the headcounts. */
export const MINISTRY_CODES = ['T1', 'T2', 'T3', 'T4', 'N1', 'M1', 'M2', 'M3', 'M5', 'MENTORS', 'MENTEES'];

/**
 * Regions side by side on the indicators, for the ministry's home page — the same figures as the
 * form extract (`ReportDataService.regionFigures`: every region in scope from the tenant tree,
 * Σnumerator / Σdenominator of its organisations' snapshots, zeros where there are none), so the
 * page and the file never disagree. Aggregates only; under the caller's scope.
 */
@Injectable()
export class RegionComparisonService {
  constructor(private readonly data: ReportDataService) {}

  async compare(period: string): Promise<RegionComparisonType> {
    const definitions = MINISTRY_CODES.map((code) => INDICATORS.find((d) => d.code === code)).filter((d) => d !== undefined);
    const { regions, total } = await this.data.regionFigures(period, MINISTRY_CODES);
    const line = (t: ExtractTerritory): RegionFiguresType => ({
      regionId: t.id,
      name: t.name,
      fullName: t.fullName,
      organisations: t.organisations,
      reporting: t.reporting,
      figures: definitions.map((d) => {
        const v = t.values[d.code];
        const target = d.target;
        const belowTarget = !target || v.value === null ? null : target.direction === 'at_most' ? v.value > target.value : v.value < target.value;
        return { code: d.code, numerator: v.numerator, denominator: v.denominator, value: v.value, belowTarget };
      }),
    });
    return {
      period,
      indicators: definitions.map((d) => ({ code: d.code, title: d.title, shortTitle: d.shortTitle, unit: d.unit, target: d.target?.value ?? null, targetDirection: d.target?.direction ?? null })),
      regions: regions.map(line),
      total: { ...line(total), fullName: `Российская Федерация — итого по регионам (${regions.length})` },
    };
  }
}
