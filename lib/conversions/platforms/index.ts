import type { DestinationKind } from '../schemas';
import { httpPlatform } from './http';
import { metaPlatform } from './meta';
import { sandboxPlatform } from './sandbox';
import type { ConversionPlatform } from './types';

export const PLATFORMS: Record<DestinationKind, ConversionPlatform> = { meta: metaPlatform, http: httpPlatform, sandbox: sandboxPlatform };
