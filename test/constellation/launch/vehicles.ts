/** The abstract launch vehicles of the launch-campaign tests (launch.test.ts, launchEdges.test.ts). */
import type { CampaignVehicle } from '../../../src/constellation/launch/launch.js';

/** A fairing so large that mass always binds [m³]. */
export const BIG_FAIRING_m3 = 1e4;

/** An abstract vehicle whose mass always binds: 10 t to LEO for $10M, 10 launches a year, unless `o` says otherwise. */
export const abstractVehicle = (o: Partial<CampaignVehicle> & { id: string }): CampaignVehicle => ({
  payloadLeo_kg: 10000,
  price_USD: 10e6,
  fairingVolume_m3: BIG_FAIRING_m3,
  cadence_per_yr: 10,
  ...o,
});
