export type CharterSectionContent = { title: string; parentsMayExpect: string[]; schoolMayExpect: string[] };

export const DEFAULT_CHARTER: { title: string; intro: string; sections: CharterSectionContent[] } = {
  title: "Wederzijdse verwachtingen ouders en school",
  intro:
    "Ouders en school zijn partners rond het kind: samen zorgen we dat uw kind zich veilig voelt en goed kan leren. " +
    "Daarom hebben we op een rij gezet wat u van de school mag verwachten en wat de school van u verwacht. " +
    "Als u uw kind bij ons aanmeldt, gaat u akkoord met deze afspraken.",
  sections: [
    {
      title: "1. Visie op ouderbetrokkenheid moet zichtbaar zijn",
      parentsMayExpect: [
        "De school legt duidelijk uit hoe zij met ouders samenwerkt en waarom dat belangrijk is.",
        "De school laat deze visie op samenwerking terugkomen in alle informatie aan ouders.",
        "De school zorgt dat alle medewerkers in hun gedrag laten zien dat ouders partners zijn.",
        "De school vertelt aan het begin van het schooljaar concreet wat zij van ouders verwacht.",
      ],
      schoolMayExpect: [
        "Ouders kennen de visie van de school op samenwerking en staan erachter.",
        "Ouders doen hun best om volgens deze visie met de school samen te werken.",
        "Ouders kennen de schoolgids en praten met hun kind positief over de uitgangspunten van de school.",
      ],
    },
    {
      title: "2. Zorg dat ouders meedenken in het beleid",
      parentsMayExpect: [
        "De school laat het op tijd weten als zij beleid maakt of verandert.",
        "De school nodigt ouders uit om mee te denken, bijvoorbeeld in een werkgroep of op een ouderavond.",
        "De school vraagt actief naar de mening van ouders over nieuwe plannen.",
        "De school vertelt wat er met de inbreng van ouders is gedaan en legt belangrijke beslissingen uit.",
      ],
      schoolMayExpect: [
        "Ouders denken actief mee over het beleid van de school.",
        "Ouders vullen vragenlijsten en tevredenheidspeilingen van de school in.",
        "Ouders zetten waar mogelijk hun kennis en talenten in, bijvoorbeeld in de MR, de ouderraad of met een workshop.",
        "Ouders hebben vertrouwen in de keuzes die de directie, de MR en het team samen maken.",
      ],
    },
    {
      title: "3. Iedereen moet zich welkom voelen",
      parentsMayExpect: [
        "De school is open en gastvrij en behandelt alle ouders als gelijkwaardige partners.",
        "De school zoekt actief contact met ouders, ook even tussendoor in de klas, op de gang of op het plein.",
        "De school toont oprechte interesse in ouders en waardeert hun hulp.",
        "De school nodigt ouders uit voor inloopochtenden, presentaties en vieringen.",
        "De school ontvangt nieuwe gezinnen met een kennismakingsgesprek en een rondleiding door de school.",
      ],
      schoolMayExpect: [
        "Ouders zijn open en vriendelijk naar leerkrachten, andere ouders en kinderen.",
        "Ouders doen hun best om goed contact te houden met de leerkracht van hun kind.",
        "Ouders helpen waar zij kunnen bij activiteiten, zoals uitstapjes, feesten en klussen.",
      ],
    },
    {
      title: "4. Leren gaat thuis door!",
      parentsMayExpect: [
        "De school vertelt ouders welke lesstof en thema's er in de klas aan bod komen.",
        "De school houdt ouders regelmatig op de hoogte van de ontwikkeling en vorderingen van hun kind.",
        "De school legt uit hoe ouders hun kind thuis kunnen helpen, bijvoorbeeld bij huiswerk of oefenen.",
        "De school stemt het onderwijs zo goed mogelijk af op wat elk kind nodig heeft.",
      ],
      schoolMayExpect: [
        "Ouders praten thuis met hun kind over wat het op school leert en stellen daar gerichte vragen over.",
        "Ouders moedigen hun kind aan bij huiswerk en oefenen af en toe samen de leerstof.",
        "Ouders sluiten thuis aan bij de thema's van school, bijvoorbeeld door voorlezen, samen spelen of naar de bibliotheek gaan.",
        "Ouders zorgen dat hun kind uitgerust naar school komt en genoeg slaap krijgt.",
      ],
    },
    {
      title: "5. Gelijkwaardige gesprekken",
      parentsMayExpect: [
        "De school voert gesprekken met ouders open, eerlijk en zonder vooroordelen.",
        "De school ziet ouders als ervaringsdeskundigen van hun kind en neemt hun inbreng serieus.",
        "De school plant gesprekken in overleg met ouders en zorgt dat er genoeg tijd is.",
        "De school betrekt het kind bij gesprekken over zijn of haar ontwikkeling, waar dat kan.",
      ],
      schoolMayExpect: [
        "Ouders voeren het gesprek open, eerlijk en zonder vooroordelen.",
        "Ouders vertellen vanuit hun ervaring thuis hoe het met hun kind gaat.",
        "Ouders respecteren de kennis en ervaring van de leerkracht als professional.",
        "Ouders bereiden gesprekken voor, denken mee over oplossingen en komen gemaakte afspraken na.",
      ],
    },
    {
      title: "6. Verantwoordelijkheid voor elkaar",
      parentsMayExpect: [
        "De school let op het welzijn van alle leerlingen, ouders en medewerkers.",
        "De school trekt snel aan de bel als zij zich zorgen maakt over een kind.",
        "De school zorgt voor een veilige en prettige sfeer in en rond de school.",
        "De school pakt pesten en ruzies duidelijk aan en houdt ouders daarvan op de hoogte.",
      ],
      schoolMayExpect: [
        "Ouders letten op het welzijn van hun eigen kind en van andere kinderen, ouders en leerkrachten.",
        "Ouders melden het bij school als zij zich zorgen maken, bijvoorbeeld bij een vermoeden van pesten.",
        "Ouders praten respectvol over leerkrachten, andere ouders en kinderen, binnen en buiten de school.",
        "Ouders bemoeien zich niet zelf met een ruzie tussen kinderen, maar bespreken dit met de leerkracht.",
        "Ouders steunen de aanpak van de school bij pesten of agressie.",
      ],
    },
    {
      title: "7. Gezamenlijk dossier = resultaat goed gesprek",
      parentsMayExpect: [
        "De school legt belangrijke informatie over de ontwikkeling van het kind feitelijk vast in het leerlingdossier.",
        "De school laat ouders alles inzien wat over hun kind is vastgelegd; er zijn geen geheime aantekeningen.",
        "De school maakt van gesprekken een kort verslag en legt de afspraken vast.",
        "De school geeft ouders de kans om op verslagen te reageren en informatie aan het dossier toe te voegen.",
      ],
      schoolMayExpect: [
        "Ouders lezen regelmatig mee in het ouderportaal en reageren op verslagen als dat nodig is.",
        "Ouders geven bij aanmelding alle informatie over hun kind die belangrijk is voor het onderwijs.",
        "Ouders laten het de school weten als er iets verandert in de gezondheid of de gezinssituatie van hun kind.",
      ],
    },
    {
      title: "8. Verbetersuggesties zichtbaar",
      parentsMayExpect: [
        "De school neemt klachten, vragen en ideeën van ouders serieus en handelt ze zorgvuldig af.",
        "De school laat zien wat zij met klachten en verbeterideeën doet, en waarom.",
        "De school gaat zorgvuldig om met privacygevoelige informatie.",
        "De school zoekt steeds naar manieren om de school en het onderwijs beter te maken.",
      ],
      schoolMayExpect: [
        "Ouders blijven niet met vragen of zorgen rondlopen, maar komen er open en eerlijk mee naar school.",
        "Ouders bespreken een probleem eerst met de leerkracht en daarna zo nodig met de intern begeleider of directeur.",
        "Ouders gaan respectvol om met iedereen die bij een klacht betrokken is.",
        "Ouders delen ook hun ideeën om de school beter te maken.",
      ],
    },
    {
      title: "9. Aanwezigheid bijeenkomsten en gesprekken",
      parentsMayExpect: [
        "De school houdt aan het begin van het schooljaar een startgesprek met ouders en kind.",
        "De school spreekt samen met ouders af welke contactmomenten er voor hun kind nodig zijn.",
        "De school laat ruim op tijd weten wanneer er belangrijke gesprekken en bijeenkomsten zijn.",
        "De school legt uit waarom de aanwezigheid van ouders bij zo'n moment belangrijk is.",
      ],
      schoolMayExpect: [
        "Ouders doen hun best om aanwezig te zijn bij startgesprekken, voortgangsgesprekken en ouderavonden.",
        "Ouders zien afgesproken gesprekken als een vaste afspraak en laten het tijdig weten als zij niet kunnen.",
        "Ouders lezen de nieuwsbrieven en berichten van school, zodat zij weten wat er speelt.",
        "Ouders komen regelmatig naar gezamenlijke activiteiten, zoals presentaties en vieringen.",
      ],
    },
    {
      title: "10. Wetten en regels",
      parentsMayExpect: [
        "De school legt duidelijk uit welke wetten, regels en protocollen gelden, zoals de leerplicht en de ouderbijdrage.",
        "De school houdt zich zelf aan deze wetten, regels en protocollen.",
        "De school geeft duidelijke grenzen aan en vertelt wat de gevolgen zijn als regels niet worden nageleefd.",
        "De school en haar medewerkers geven het goede voorbeeld in hoe zij omgaan met leerlingen, ouders en elkaar.",
      ],
      schoolMayExpect: [
        "Ouders zorgen dat hun kind elke dag op tijd op school is en melden hun kind voor schooltijd af bij ziekte.",
        "Ouders houden zich aan de leerplicht, plannen afspraken zoveel mogelijk buiten schooltijd en vragen op tijd verlof aan.",
        "Ouders houden zich aan de schoolregels en volgen de aanwijzingen van het team als zij op school helpen.",
        "Ouders respecteren de privacy van andere kinderen en zetten geen foto's of filmpjes van school op sociale media.",
      ],
    },
  ],
};
