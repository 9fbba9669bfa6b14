import { PlatformScope1795300000000 } from './1795300000000-platform-scope';

export const platformMigrations = [PlatformScope1795300000000];
