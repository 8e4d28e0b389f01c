// Shared by the optoppen and ondertoppen scans: a 0-100 potential shown as a traffic light.
// domain.md gives no scale, so Schouw defines one: groen from 65, oranje from 40, rood below;
// each blocking issue then lowers the light one step, because one blocking issue makes a
// strong candidate uncertain and two make it unlikely.

export type TrafficLight = 'groen' | 'oranje' | 'rood';

export const TRAFFIC_LIGHT_GROEN_FROM = 65;
export const TRAFFIC_LIGHT_ORANJE_FROM = 40;

const order: readonly TrafficLight[] = ['groen', 'oranje', 'rood'];

export function trafficLight(score: number, blockingIssues: number): TrafficLight {
  const base = score >= TRAFFIC_LIGHT_GROEN_FROM ? 0 : score >= TRAFFIC_LIGHT_ORANJE_FROM ? 1 : 2;
  return order[Math.min(2, base + Math.max(0, blockingIssues))] ?? 'rood';
}

export const trafficLightText: Readonly<Record<TrafficLight, string>> = {
  groen: 'groen (kansrijk)',
  oranje: 'oranje (mogelijk, met aandachtspunten)',
  rood: 'rood (weinig kansrijk)',
};
