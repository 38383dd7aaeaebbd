import { redirect } from 'next/navigation';
import { homeOf } from '@/lib/access/roles';
import { currentActor } from '@/lib/auth/actor';

export default async function Home() {
  const actor = await currentActor();
  redirect(actor ? homeOf(actor) : '/inloggen');
}
