/** Hidden page a console tab embeds to receive the compiled ruleset as bytes (lib/ext/ruleset-channel.ts). */
import { serveRulesetFrame } from '@/lib/ext/ruleset-frame-server';

serveRulesetFrame();
