/** Place-of-service codes a behavioral-health practice uses; 02 and 10 are telehealth (virtual sessions). */
export const POS_CODES = ['02', '10', '11', '12', '03', '22', '49', '50', '52', '53', '57', '71', '72', '99'] as const;
export type KnownPosCode = (typeof POS_CODES)[number];

export function isKnownPosCode(code: string): code is KnownPosCode {
  return (POS_CODES as readonly string[]).includes(code);
}
