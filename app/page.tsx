import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/actor';
import { HOME_BY_ROLE } from '@/lib/auth/home';

export default async function Home() {
  const actor = await currentActor();
  redirect(actor ? HOME_BY_ROLE[actor.role] : '/inloggen');
}
