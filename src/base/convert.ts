/**
 * The only place with conversion factors between user-facing units and SI.
 * Names say both sides: `km_to_m`, `deg_to_rad`. Convert once, at the study loader or the report writer.
 */
export const M_PER_KM = 1000;
export const S_PER_MIN = 60;
export const S_PER_HOUR = 3600;
export const RAD_PER_DEG = Math.PI / 180;
export const J_PER_WH = 3600;
export const W_PER_KW = 1000;
export const M_PER_MM = 1e-3;
export const FLOPS_PER_PFLOPS = 1e15;

export const km_to_m = (km: number): number => km * M_PER_KM;
export const deg_to_rad = (deg: number): number => deg * RAD_PER_DEG;
export const rad_to_deg = (rad: number): number => rad / RAD_PER_DEG;
export const s_to_min = (s: number): number => s / S_PER_MIN;
export const mm_to_m = (mm: number): number => mm * M_PER_MM;
export const J_to_Wh = (J: number): number => J / J_PER_WH;
export const Wh_to_J = (Wh: number): number => Wh * J_PER_WH;
