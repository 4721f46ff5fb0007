/**
 * The opening most hub tests need: a fresh expert and a fresh shopper, the shopper asking for
 * a written conversation, the expert accepting it.
 */
import { HubPeer } from './hub-peer.js';

export async function liveChat(
  hubUrl: string,
  expertName: string,
  track: (peer: HubPeer) => HubPeer,
): Promise<{ expert: HubPeer; shopper: HubPeer; conversationId: string; resumeToken: string }> {
  const expert = track(await HubPeer.expert(hubUrl, expertName));
  const shopper = track(await HubPeer.shopper(hubUrl, 'chat'));
  const { conversationId, resumeToken } = await shopper.next('conversation.opened');
  await expert.nextWhere('expert.ring', (r) => r.conversationId === conversationId);
  expert.send({ type: 'expert.accept', conversationId });
  await shopper.next('conversation.chat');
  return { expert, shopper, conversationId, resumeToken };
}
