// Demo settings for the complaint route (issue 13): the formal procedure (the national complaints
// commission most boards are affiliated with) and the board's external confidential counsellor, so a
// parent's worry shows the whole route. The reply-time figures come from the demo conversations
// (./messages.ts).
import { prisma } from '@/lib/db';

export async function seedDemoCommunication(schoolId: string) {
  await prisma.school.update({
    where: { id: schoolId },
    data: {
      complaintProcedureUrl: 'https://www.onderwijsgeschillen.nl/',
      counsellorName: 'Joke Verbeek (externe vertrouwenspersoon van het bestuur)',
      counsellorContact: '06-24681357 · vertrouwenspersoon@distelvlinder.demo',
    },
  });
}
