import type { TemplateCatalogue } from './localize.ts';

// English for every shipped template version, keyed by the exact Dutch text (see
// template-texts.ts). Written for an English-speaking inspector working in the Netherlands: Dutch
// terms of art they will meet on site and in documents (verblijfsgebied, rechtens verkregen
// niveau, nultredenwoning, zorgwoning, WoonKeur, BAG, EP-online) are kept in brackets or as is,
// document names (Bbl, NEN, NTA) are never translated, and decimals use a point. Loaded as its own
// chunk, only when English is selected. A text shared by several versions appears once, under
// the first template that uses it.

const texts: Record<string, string> = {
  // Optoppen-scan v1
  'Optoppen-scan': 'Adding storeys scan',
  'Quickscan: deze scan rangschikt alleen kandidaten. Of optoppen bouwkundig en constructief haalbaar is, moet een constructeur beoordelen.':
    'Quick scan: this scan only ranks candidates. Whether adding storeys is structurally and technically feasible must be assessed by a structural engineer.',
  Gebouw: 'Building',
  'Oorspronkelijk bouwjaar': 'Original year of construction',
  'Oorspronkelijk bouwjaar volgens de BAG. Naoorlogse lage flats zijn de beste kandidaten om op te toppen.':
    'Original year of construction according to the BAG. Low-rise post-war flats are the best candidates for adding storeys.',
  'Aantal bouwlagen (inclusief begane grond)': 'Number of storeys (including ground floor)',
  'Tel de bouwlagen boven maaiveld, de begane grond meegerekend. Lage flats zijn het meest kansrijk.':
    'Count the storeys above ground level, including the ground floor. Low-rise flats are the most promising.',
  'Hoogte van de hoogste vloer boven meetniveau':
    'Height of the highest floor above reference level (meetniveau)',
  'Meet of schat vanaf het maaiveld bij de entree tot de bovenkant van de hoogste vloer. Komt een vloer na optoppen boven 12,5 m, dan is een lift vereist; boven 20 m een droge blusleiding en een brandweerlift.':
    'Measure or estimate from ground level at the entrance to the top of the highest floor. If a floor ends up above 12.5 m after adding storeys, a lift is required; above 20 m, a dry riser and a firefighters’ lift.',
  'Verdiepingshoogte (vloer tot vloer)': 'Storey height (floor to floor)',
  'Nodig om de hoogte van de nieuwe hoogste vloer te schatten. Zonder antwoord rekent de scan met 3,0 m.':
    'Needed to estimate the height of the new highest floor. Without an answer the scan assumes 3.0 m.',
  Dak: 'Roof',
  Daktype: 'Roof type',
  'Een plat dak is het eenvoudigst op te toppen; een hellend dak moet eerst worden verwijderd.':
    'A flat roof is the easiest to build on; a pitched roof must be removed first.',
  'Plat dak': 'Flat roof',
  Zadeldak: 'Gable roof',
  Lessenaarsdak: 'Mono-pitch roof',
  Mansardedak: 'Mansard roof',
  Anders: 'Other',
  'Dakoppervlak (bruto)': 'Roof area (gross)',
  'Bruto oppervlak van het dak waarop gebouwd kan worden; de basis voor het indicatieve aantal extra woningen.':
    'Gross roof area that can be built on; the basis for the indicative number of extra dwellings.',
  'Constructie en fundering': 'Structure and foundation',
  Draagconstructie: 'Load-bearing structure',
  'De draagconstructie bepaalt hoeveel extra belasting mogelijk is. De constructeur beoordeelt dit; de scan geeft alleen een eerste indruk.':
    'The load-bearing structure determines how much extra load is possible. The structural engineer assesses this; the scan only gives a first impression.',
  'Gietbeton (in het werk gestort)': 'Cast-in-place concrete',
  'Prefab beton (systeembouw)': 'Precast concrete (system building)',
  Kalkzandsteen: 'Calcium silicate (sand-lime) blocks',
  Metselwerk: 'Masonry',
  Staalskelet: 'Steel frame',
  Houtskeletbouw: 'Timber frame',
  Onbekend: 'Unknown',
  Fundering: 'Foundation',
  'Een fundering op houten palen of op staal heeft vaak weinig reserve voor extra bouwlagen; laat de constructeur rekenen.':
    'A foundation on timber piles or a shallow foundation (op staal) often has little spare capacity for extra storeys; have the structural engineer do the calculations.',
  Betonpalen: 'Concrete piles',
  'Houten palen': 'Timber piles',
  'Op staal': 'Shallow foundation (op staal)',
  'Zijn er zichtbare scheuren of zettingen in gevel of constructie?':
    'Are there visible cracks or settlement in the façade or structure?',
  'Scheuren of zettingen wijzen op een constructie of fundering zonder reserve. Maak bij ja een foto.':
    'Cracks or settlement point to a structure or foundation without spare capacity. If yes, take a photo.',
  'Is er al constructief onderzoek door een constructeur beschikbaar?':
    'Is a structural survey by a structural engineer already available?',
  'Een bestaand onderzoek versnelt de haalbaarheidstoets, maar vervangt die niet.':
    'An existing survey speeds up the feasibility assessment but does not replace it.',
  'Ontsluiting en vluchtwegen': 'Access and escape routes',
  'Is er een lift?': 'Is there a lift?',
  'Komt de hoogste vloer na optoppen boven 12,5 m, dan is een lift vereist; een bestaande lift moet dan ook de nieuwe lagen bedienen.':
    'If the highest floor ends up above 12.5 m after adding storeys, a lift is required; an existing lift must then also serve the new storeys.',
  'Trappenhuizen en vluchtwegen': 'Stairwells and escape routes',
  'Het bestaande gebouw mag het rechtens verkregen niveau houden, maar nieuwe bouwlagen moeten aan de eisen voor nieuwbouw voldoen, ook voor vluchtwegen.':
    'The existing building may keep its legally acquired level (rechtens verkregen niveau), but new storeys must meet new-build requirements, including for escape routes.',
  'Eén trappenhuis': 'One stairwell',
  'Twee of meer trappenhuizen': 'Two or more stairwells',
  'Galerij met twee vluchtrichtingen': 'Access gallery with two escape directions',
  'Is er een droge blusleiding?': 'Is there a dry riser?',
  'Boven 20 m hoogste vloer zijn een droge blusleiding (NEN 1594) en een brandweerlift vereist.':
    'With the highest floor above 20 m, a dry riser (NEN 1594) and a firefighters’ lift are required.',
  Programma: 'Programme',
  'Aantal extra bouwlagen dat wordt overwogen': 'Number of extra storeys being considered',
  'Optoppen levert meestal 1 of 2 extra bouwlagen op.':
    'Adding storeys usually yields 1 or 2 extra storeys.',
  'Beoogde gebruiksoppervlakte per nieuwe woning': 'Intended usable floor area per new dwelling',
  'Bepaalt het indicatieve aantal extra woningen. Een woning heeft ten minste 18 m² verblijfsgebied.':
    'Determines the indicative number of extra dwellings. A dwelling has at least 18 m² of habitable area (verblijfsgebied).',
  'Parkeren en bereikbaarheid': 'Parking and site access',
  'Extra woningen vragen parkeerruimte volgens de gemeentelijke parkeernorm en een bouwplaats die bereikbaar is.':
    'Extra dwellings need parking space under the municipal parking standard and a building site that can be reached.',
  'Voldoende ruimte': 'Enough space',
  Beperkt: 'Limited',
  Onvoldoende: 'Insufficient',
  "Foto's van dak en gevels": 'Photos of the roof and façades',
  "Foto's helpen de constructeur en het ontwikkelteam bij de vervolgstap.":
    'Photos help the structural engineer and the development team with the next step.',
  Opmerkingen: 'Remarks',
  'Noteer wat de constructeur moet weten (bijv. eerdere verbouwingen, dakopbouw).':
    'Note what the structural engineer needs to know (e.g. earlier alterations, roof build-up).',

  // Ondertoppen-scan v1
  'Ondertoppen-scan': 'Ground-floor conversion scan',
  'Quickscan: deze scan rangschikt alleen kandidaten. Of de ombouw bouwkundig en constructief haalbaar is, moet een constructeur beoordelen.':
    'Quick scan: this scan only ranks candidates. Whether the conversion is structurally and technically feasible must be assessed by a structural engineer.',
  Ruimte: 'Space',
  'Wat voor ruimte is het nu?': 'What is the space used for now?',
  'Bergingen, winkels, gemeenschappelijke ruimten en garages op de begane grond kunnen woningen worden. Vervallen bergingen moeten elders worden teruggebracht.':
    'Storage rooms, shops, communal rooms and garages on the ground floor can become dwellings. Storage rooms that are lost must be provided elsewhere.',
  Bergingen: 'Storage rooms',
  'Winkel of bedrijfsruimte': 'Shop or commercial space',
  'Gemeenschappelijke ruimte': 'Communal room',
  'Garage of stalling': 'Garage or bicycle storage',
  'Totale vloeroppervlakte van de ruimte': 'Total floor area of the space',
  'Gebruiksoppervlakte van de hele ruimte; met de beoogde woninggrootte geeft dit het indicatieve aantal woningen.':
    'Usable floor area of the whole space; together with the intended dwelling size this gives the indicative number of dwellings.',
  'Beoogde gebruiksoppervlakte per woning': 'Intended usable floor area per dwelling',
  'Tot en met 50 m² mag de bergruimte gemeenschappelijk zijn (1,5 m² per woning); daarboven is 5 m² eigen berging nodig.':
    'Up to and including 50 m², storage may be communal (1.5 m² per dwelling); above that, 5 m² of private storage is needed.',
  'Verblijfsgebied per woning': 'Habitable area (verblijfsgebied) per dwelling',
  'Ten minste 18 m² en ten minste 55% van de gebruiksoppervlakte van de woning is verblijfsgebied (dus zonder berging, techniek en verkeersruimte).':
    'At least 18 m² and at least 55% of the dwelling’s usable floor area is habitable area (so excluding storage, plant space and circulation space).',
  'Oppervlakte van de grootste kamer per woning': 'Area of the largest room per dwelling',
  'Elke woning heeft ten minste één verblijfsruimte van 11 m² die ten minste 3 m breed is.':
    'Every dwelling has at least one habitable room (verblijfsruimte) of 11 m² that is at least 3 m wide.',
  'Breedte van die kamer': 'Width of that room',
  'De kamer van ten minste 11 m² moet ook ten minste 3 m breed zijn.':
    'The room of at least 11 m² must also be at least 3 m wide.',
  'Vrije hoogte (vloer tot plafond)': 'Clear height (floor to ceiling)',
  'Verblijfsgebied vraagt ten minste 2,6 m vrije hoogte. Bij verbouw kan een lager rechtens verkregen niveau gelden; toets dat apart.':
    'Habitable area needs a clear height of at least 2.6 m. In a conversion a lower legally acquired level (rechtens verkregen niveau) may apply; assess that separately.',
  'Kunnen de verblijfsruimten daglicht krijgen (ramen in de gevel)?':
    'Can the habitable rooms get daylight (windows in the façade)?',
  'Verblijfsruimten van een woning krijgen daglicht; een ruimte zonder gevelopeningen is lastig om te bouwen.':
    'Habitable rooms of a dwelling must get daylight; a space without openings in the façade is hard to convert.',
  'Entree en voorzieningen': 'Entrance and facilities',
  'Kan elke woning een eigen entree krijgen?': 'Can each dwelling get its own entrance?',
  'Een nieuwe woning heeft een eigen toegang.': 'A new dwelling has its own entrance.',
  'Welke voorzieningen kunnen per woning worden aangelegd?':
    'Which facilities can be installed in each dwelling?',
  'Een woonfunctie heeft een keuken, een douche en een toilet; kijk naar aansluitingen voor water, afvoer en ventilatie.':
    'A residential use (woonfunctie) needs a kitchen, a shower and a toilet; check the connections for water, drainage and ventilation.',
  Keuken: 'Kitchen',
  Douche: 'Shower',
  Toilet: 'Toilet',
  'Mogelijke buitenruimte per woning': 'Possible outdoor space per dwelling',
  'Een woning heeft ten minste 4 m² buitenruimte.':
    'A dwelling has at least 4 m² of outdoor space.',
  'Bergruimte per woning': 'Storage space per dwelling',
  'Ten minste 5 m² bergruimte; bij een woning tot en met 50 m² volstaat 1,5 m² in een gemeenschappelijke berging.':
    'At least 5 m² of storage; for a dwelling of up to and including 50 m², 1.5 m² in a communal storage room is enough.',
  'Is die bergruimte gemeenschappelijk?': 'Is that storage space communal?',
  'Een gemeenschappelijke berging telt alleen bij woningen tot en met 50 m².':
    'A communal storage room only counts for dwellings of up to and including 50 m².',
  Vastleggen: 'Record',
  "Foto's van de ruimte en de gevel": 'Photos of the space and the façade',
  'Noteer bijvoorbeeld huurcontracten van bergingen of winkels en leidingen in het plafond.':
    'Note, for example, leases of storage rooms or shops, and pipes or ducts in the ceiling.',

  // Splitsen-scan v1
  'Splitsen-scan': 'Dwelling split scan',
  'Quickscan: deze scan rangschikt alleen kandidaten. Splitsen trekt het bestaande verblijfsobject in de BAG in en vormt twee nieuwe; een constructeur en de gemeente (omgevingsvergunning) beoordelen de haalbaarheid.':
    'Quick scan: this scan only ranks candidates. Splitting withdraws the existing verblijfsobject in the BAG and creates two new ones; a structural engineer and the municipality (environmental permit) assess feasibility.',
  'Bestaande woning': 'Existing dwelling',
  'Gebruiksoppervlakte van de bestaande woning': 'Usable floor area of the existing dwelling',
  'Alleen grote woningen leveren twee compacte woningen op die elk aan de eisen voldoen.':
    'Only large dwellings yield two compact dwellings that each meet the requirements.',
  'Aantal kamers (verblijfsruimten)': 'Number of rooms (habitable rooms)',
  'Elke nieuwe woning heeft ten minste één kamer van 11 m² en 3 m breed.':
    'Each new dwelling has at least one room of 11 m² and 3 m wide.',
  'Verblijfsgebied vraagt ten minste 2,6 m vrije hoogte; bij verbouw kan een lager rechtens verkregen niveau gelden.':
    'Habitable area needs a clear height of at least 2.6 m; in a conversion a lower legally acquired level (rechtens verkregen niveau) may apply.',
  'Kan woning B een eigen entree krijgen?': 'Can dwelling B get its own entrance?',
  'Elke nieuwe woning heeft een eigen toegang.': 'Each new dwelling has its own entrance.',
  'Welke voorzieningen kunnen voor woning B worden aangelegd?':
    'Which facilities can be installed for dwelling B?',
  'Woning B heeft een eigen keuken, douche en toilet nodig; kijk naar aansluitingen voor water, afvoer en ventilatie.':
    'Dwelling B needs its own kitchen, shower and toilet; check the connections for water, drainage and ventilation.',
  'Nieuwe woning A (bestaande entree, keuken en sanitair)':
    'New dwelling A (existing entrance, kitchen and bathroom)',
  'Gebruiksoppervlakte van woning A': 'Usable floor area of dwelling A',
  'Bepaalt de eis aan verblijfsgebied (55%) en aan de berging (gemeenschappelijk mag tot en met 50 m²).':
    'Determines the requirement for habitable area (55%) and for storage (communal is allowed up to and including 50 m²).',
  'Verblijfsgebied van woning A': 'Habitable area (verblijfsgebied) of dwelling A',
  'Ten minste 18 m² en ten minste 55% van de gebruiksoppervlakte.':
    'At least 18 m² and at least 55% of the usable floor area.',
  'Grootste kamer van woning A': 'Largest room of dwelling A',
  'Ten minste één verblijfsruimte van 11 m², ten minste 3 m breed.':
    'At least one habitable room of 11 m², at least 3 m wide.',
  'Breedte van die kamer (woning A)': 'Width of that room (dwelling A)',
  'De kamer van 11 m² is ten minste 3 m breed.': 'The 11 m² room is at least 3 m wide.',
  'Bergruimte van woning A': 'Storage space of dwelling A',
  'Ten minste 5 m²; bij een woning tot en met 50 m² volstaat 1,5 m² in een gemeenschappelijke berging.':
    'At least 5 m²; for a dwelling of up to and including 50 m², 1.5 m² in a communal storage room is enough.',
  'Is de bergruimte van woning A gemeenschappelijk?':
    'Is the storage space of dwelling A communal?',
  'Buitenruimte van woning A': 'Outdoor space of dwelling A',
  'Ten minste 4 m² buitenruimte per woning.': 'At least 4 m² of outdoor space per dwelling.',
  'Nieuwe woning B': 'New dwelling B',
  'Gebruiksoppervlakte van woning B': 'Usable floor area of dwelling B',
  'Verblijfsgebied van woning B': 'Habitable area (verblijfsgebied) of dwelling B',
  'Grootste kamer van woning B': 'Largest room of dwelling B',
  'Breedte van die kamer (woning B)': 'Width of that room (dwelling B)',
  'Bergruimte van woning B': 'Storage space of dwelling B',
  'Is de bergruimte van woning B gemeenschappelijk?':
    'Is the storage space of dwelling B communal?',
  'Buitenruimte van woning B': 'Outdoor space of dwelling B',
  'Foto of schets van de plattegrond met de splitsing':
    'Photo or sketch of the floor plan showing the split',
  'Na splitsen krijgen beide woningen nieuwe BAG-objecten; een plattegrond helpt bij de aanvraag.':
    'After splitting, both dwellings get new BAG objects; a floor plan helps with the application.',
  'Noteer bijvoorbeeld leidingloop, geluidsscheiding en de bewoningssituatie.':
    'Note, for example, pipe and duct routes, sound insulation between the dwellings and the current occupancy.',

  // Energie-opname v1
  'Energie-opname (EFG)': 'Energy survey (EFG)',
  'Indicatief: verwachte labelverbeteringen zijn vuistregels. Alleen een nieuwe NTA 8800-opname door een gecertificeerd energieadviseur bepaalt het label.':
    'Indicative: expected label improvements are rules of thumb. Only a new NTA 8800 assessment by a certified energy adviser determines the label.',
  'Geregistreerd label': 'Registered label',
  'Past wat u ziet bij het geregistreerde label?': 'Does what you see match the registered label?',
  'Het geregistreerde label (EP-online) staat bovenaan. Een label is ten hoogste 10 jaar geldig; E, F en G moeten uiterlijk in 2028 weg.':
    'The registered label (EP-online) is shown at the top. A label is valid for at most 10 years; E, F and G labels must be phased out by 2028 at the latest.',
  'Past bij het label': 'Matches the label',
  'De woning is beter dan het label': 'The dwelling is better than the label',
  'De woning is slechter dan het label': 'The dwelling is worse than the label',
  'Er is geen label geregistreerd': 'No label is registered',
  Schil: 'Building envelope',
  'Beglazing voorgevel': 'Glazing, front façade',
  'Kijk naar de glasstempel in de spouw of de reflectie van een vlam. Enkel en ouder dubbel glas zijn kansen voor HR++- of triple glas.':
    'Look for the stamp on the spacer inside the glazing cavity, or at the reflections of a flame. Single and older double glazing are opportunities for HR++ or triple glazing.',
  'Enkel glas': 'Single glazing',
  'Dubbel glas (ouder isolatieglas)': 'Double glazing (older insulating glass)',
  'HR++-glas': 'HR++ glazing',
  'Triple glas': 'Triple glazing',
  Gemengd: 'Mixed',
  'Beglazing achtergevel': 'Glazing, rear façade',
  'Heeft de woning een zijgevel met ramen?': 'Does the dwelling have a side façade with windows?',
  'Alleen kop- en hoekwoningen hebben een zijgevel.':
    'Only end-of-terrace and corner dwellings have a side façade.',
  'Beglazing zijgevel': 'Glazing, side façade',
  'Gevelisolatie (spouw)': 'Wall insulation (cavity)',
  'Kijk naar boorgaten van spouwmuurisolatie, het bouwjaar en de dikte van de muur.':
    'Look for drill holes from cavity wall insulation, the year of construction and the thickness of the wall.',
  'Geen isolatie': 'No insulation',
  'Deels geïsoleerd': 'Partly insulated',
  'Volledig geïsoleerd': 'Fully insulated',
  'Niet vast te stellen': 'Cannot be determined',
  'Niet van toepassing': 'Not applicable',
  Dakisolatie: 'Roof insulation',
  'Kijk op zolder of in de dakopbouw; een tussenwoning in een flat heeft geen eigen dak.':
    'Check in the attic or the roof build-up; a mid-floor flat has no roof of its own.',
  'Niet van toepassing (geen dak aan de woning)': 'Not applicable (the dwelling has no roof)',
  Vloerisolatie: 'Floor insulation',
  'Kijk in de kruipruimte via het kruipluik.':
    'Look into the crawl space through the access hatch.',
  'Niet van toepassing (geen begane grondvloer)': 'Not applicable (no ground floor)',
  Installaties: 'Building services',
  Verwarming: 'Heating',
  'Het typeplaatje van het toestel geeft soort en bouwjaar.':
    'The appliance’s rating plate gives its type and year of manufacture.',
  'HR-ketel': 'HR (condensing) boiler',
  'VR- of CR-ketel (ouder)': 'VR or CR boiler (older, non-condensing)',
  'Hybride warmtepomp': 'Hybrid heat pump',
  'Warmtepomp (volledig elektrisch)': 'Heat pump (all-electric)',
  Stadsverwarming: 'District heating',
  'Lokale kachels': 'Room heaters (stoves)',
  'Bouwjaar van de ketel': 'Year of manufacture of the boiler',
  'Een ketel van meer dan 15 jaar oud is een natuurlijk moment voor een (hybride) warmtepomp.':
    'A boiler more than 15 years old is a natural moment to switch to a (hybrid) heat pump.',
  Ventilatie: 'Ventilation',
  'Na isoleren is goede ventilatie nodig om vocht te voorkomen.':
    'After insulating, good ventilation is needed to prevent damp.',
  'Natuurlijk (roosters, ramen)': 'Natural (trickle vents, windows)',
  'Mechanische afzuiging': 'Mechanical extract',
  'Balansventilatie met warmteterugwinning': 'Balanced ventilation with heat recovery',
  'Decentrale ventilatie-units': 'Decentralised ventilation units',
  'Zijn er zonnepanelen voor deze woning?': 'Are there solar panels for this dwelling?',
  'Zonnepanelen tellen mee in de energieprestatie.':
    'Solar panels count towards the energy performance.',
  'Aantal zonnepanelen': 'Number of solar panels',
  'Tel de panelen die bij deze woning horen.': 'Count the panels that belong to this dwelling.',
  'Is er vocht of schimmel zichtbaar?': 'Is damp or mould visible?',
  'Vocht en schimmel gaan vóór isolatie: eerst de oorzaak (vaak ventilatie) oplossen. Maak bij ja een foto.':
    'Damp and mould come before insulation: first fix the cause (often ventilation). If yes, take a photo.',
  Maatregelen: 'Measures',
  'Voorgestelde maatregelen': 'Proposed measures',
  'Zonder keuze stelt Schouw maatregelen voor op grond van de opname. De labelsprong per maatregel is een vuistregel.':
    'If you choose none, Schouw proposes measures based on the survey. The label improvement per measure is a rule of thumb.',
  Spouwmuurisolatie: 'Cavity wall insulation',
  Zonnepanelen: 'Solar panels',
  'Ventilatie en kierdichting': 'Ventilation and draught-proofing',
  "Foto's (typeplaatje, glasstempel, kruipruimte)":
    'Photos (rating plate, glass stamp, crawl space)',
  "Foto's onderbouwen de opname voor de energieadviseur.":
    'Photos support the survey for the energy adviser.',
  Toelichting: 'Notes',
  'Noteer bijvoorbeeld bewonerswensen of belemmeringen voor maatregelen.':
    'Note, for example, residents’ wishes or obstacles to measures.',

  // Brandveiligheidsronde v1
  Brandveiligheidsronde: 'Fire safety round',
  'Boven 20 m zijn een droge blusleiding en een brandweerlift vereist; die worden dan ook gecontroleerd.':
    'Above 20 m, a dry riser and a firefighters’ lift are required; they are then checked as well.',
  'Zijn er zorgwoningen of is er geclusterde 24-uurszorg in het gebouw?':
    'Are there care dwellings (zorgwoningen) or clustered 24-hour care in the building?',
  'Dan zijn een brandmeldinstallatie (NEN 2535) en een ontruimingsalarm (NEN 2575) vereist.':
    'If so, a fire alarm system (NEN 2535) and an evacuation alarm (NEN 2575) are required.',
  'Is er een ruimte voor meer dan 50 personen (bijv. recreatiezaal)?':
    'Is there a room for more than 50 people (e.g. a community hall)?',
  'Ruimten voor meer dan 50 personen hebben vluchtrouteaanduiding nodig.':
    'Rooms for more than 50 people need escape route signs.',
  'Rookmelders en installaties': 'Smoke alarms and installations',
  'Hangt er in de gecontroleerde woningen een rookmelder op elke verdieping met een woonkamer?':
    'In the dwellings checked, is there a smoke alarm on every floor with a living room?',
  'Verplicht in bestaande woningen sinds 1-7-2022, volgens NEN-EN 14604.':
    'Mandatory in existing dwellings since 1 July 2022, to NEN-EN 14604.',
  'Rookmelders (NEN-EN 14604) plaatsen op elke verdieping met een woonkamer.':
    'Install smoke alarms (NEN-EN 14604) on every floor with a living room.',
  'Hangen er rookmelders in besloten ruimten op de vluchtroute (hal, overloop)?':
    'Are there smoke alarms in enclosed spaces on the escape route (hall, landing)?',
  'Ook besloten ruimten op de vluchtroute in de woning hebben een rookmelder nodig.':
    'Enclosed spaces on the escape route inside the dwelling also need a smoke alarm.',
  'Rookmelders plaatsen in besloten ruimten op de vluchtroute.':
    'Install smoke alarms in enclosed spaces on the escape route.',
  'Werken de rookmelders bij de test?': 'Do the smoke alarms work when tested?',
  'Test met de testknop; een rookmelder zonder werkende batterij telt niet.':
    'Test with the test button; a smoke alarm without a working battery does not count.',
  'Defecte rookmelders of batterijen vervangen.': 'Replace faulty smoke alarms or batteries.',
  'Is er een brandmeldinstallatie (NEN 2535)?': 'Is there a fire alarm system (NEN 2535)?',
  'Vereist bij zorgwoningen en geclusterde 24-uurszorg.':
    'Required for care dwellings (zorgwoningen) and clustered 24-hour care.',
  'Brandmeldinstallatie volgens NEN 2535 laten aanbrengen.':
    'Have a fire alarm system installed to NEN 2535.',
  'Brandmeldinstallatie: certificaat geldig tot': 'Fire alarm system: certificate valid until',
  'Neem de datum over van het certificaat in het logboek en fotografeer het certificaat.':
    'Copy the date from the certificate in the logbook and photograph the certificate.',
  'Brandmeldinstallatie laten inspecteren en het certificaat vernieuwen.':
    'Have the fire alarm system inspected and the certificate renewed.',
  'Is de brandmeldinstallatie vrij van storingen en uitschakelingen?':
    'Is the fire alarm system free of faults and disablements?',
  'Kijk op het brandmeldpaneel; een uitgeschakelde groep laat een deel van het gebouw onbewaakt.':
    'Check the fire alarm control panel; a disabled zone leaves part of the building unprotected.',
  'Storing of uitschakeling van de brandmeldinstallatie vandaag laten verhelpen.':
    'Have the fault or disablement of the fire alarm system fixed today.',
  'Is er een ontruimingsalarminstallatie (NEN 2575)?':
    'Is there an evacuation alarm system (NEN 2575)?',
  'Ontruimingsalarminstallatie volgens NEN 2575 laten aanbrengen.':
    'Have an evacuation alarm system installed to NEN 2575.',
  'Ontruimingsalarm: certificaat geldig tot': 'Evacuation alarm: certificate valid until',
  'Neem de datum over van het certificaat en fotografeer het certificaat.':
    'Copy the date from the certificate and photograph the certificate.',
  'Ontruimingsalarm laten inspecteren en het certificaat vernieuwen.':
    'Have the evacuation alarm inspected and the certificate renewed.',
  'Deuren en compartimentering': 'Doors and compartmentation',
  'Sluiten alle zelfsluitende deuren in brand- en rookwerende scheidingen volledig?':
    'Do all self-closing doors in fire- and smoke-resisting separations close fully?',
  'Open elke deur en laat hem los: hij moet zelf volledig in het slot vallen.':
    'Open each door and let go: it must close and latch fully on its own.',
  'Deurdrangers en sluitingen afstellen of vervangen.':
    'Adjust or replace door closers and latches.',
  'Zijn alle zelfsluitende deuren vrij van wiggen, haken of andere vastzetters?':
    'Are all self-closing doors free of wedges, hooks or other hold-open devices?',
  'Een vastgezette branddeur laat rook vrij door het gebouw: verwijder de vastzetter direct.':
    'A fire door that is held open lets smoke spread freely through the building: remove the hold-open device immediately.',
  'Vastzetters vandaag verwijderen en bewoners aanspreken.':
    'Remove hold-open devices today and speak to the residents.',
  'Zijn doorvoeringen door brandscheidingen brandwerend afgedicht?':
    'Are penetrations through fire separations fire-stopped?',
  'Kijk bij leidingen en kabels door wanden en vloeren van schachten, meterkasten en bergingen.':
    'Check pipes and cables passing through walls and floors of shafts, meter cupboards and storage rooms.',
  'Doorvoeringen brandwerend laten afdichten (met registratie).':
    'Have the penetrations fire-stopped (and recorded).',
  Vluchtroutes: 'Escape routes',
  'Zijn trappenhuizen, gangen en galerijen vrij van obstakels en opslag?':
    'Are stairwells, corridors and access galleries free of obstacles and storage?',
  'Fietsen, kasten, planten en afval in een vluchtroute belemmeren vluchten en voeden brand.':
    'Bicycles, cupboards, plants and rubbish in an escape route hinder escape and feed a fire.',
  'Obstakels vandaag laten verwijderen en bewoners aanschrijven.':
    'Have the obstacles removed today and write to the residents.',
  'Heeft het gebouw galerijen?': 'Does the building have access galleries?',
  'Galerijen houden ten minste 85 cm vrije doorgang.':
    'Access galleries keep a clear width of at least 85 cm.',
  'Smalste vrije doorgang op de galerij': 'Narrowest clear width on the access gallery',
  'Meet de smalste plek (bij plantenbakken, bankjes, scootmobielen). Minder dan 85 cm is een afwijking; maak een foto.':
    'Measure the narrowest point (at planters, benches, mobility scooters). Less than 85 cm is a deviation; take a photo.',
  'Galerij vrijmaken tot ten minste 85 cm vrije doorgang.':
    'Clear the access gallery to a clear width of at least 85 cm.',
  'Is de vluchtroute vrij van geparkeerde of opladende scootmobielen?':
    'Is the escape route free of parked or charging mobility scooters?',
  'Sinds 1-7-2024 staat uitdrukkelijk in het Bbl dat scootmobielen niet in de vluchtroute mogen staan of laden.':
    'Since 1 July 2024 the Bbl explicitly states that mobility scooters may not be parked or charged in the escape route.',
  'Scootmobielen vandaag uit de vluchtroute laten halen; een veilige stal- en laadplek regelen.':
    'Have the mobility scooters removed from the escape route today; arrange a safe place to park and charge them.',
  'Hebben besloten beschermde vluchtroutes verlichting van ten minste 1 lux?':
    'Do enclosed protected escape routes have lighting of at least 1 lux?',
  'Meet of beoordeel de verlichting in besloten trappenhuizen en gangen.':
    'Measure or assess the lighting in enclosed stairwells and corridors.',
  'Verlichting van de vluchtroute laten herstellen tot ten minste 1 lux.':
    'Have the escape route lighting repaired to at least 1 lux.',
  'Is vluchtrouteaanduiding aanwezig en zichtbaar?': 'Are escape route signs present and visible?',
  'Vereist bij ruimten voor meer dan 50 personen.': 'Required for rooms for more than 50 people.',
  'Vluchtrouteaanduiding aanbrengen of herstellen.': 'Install or repair escape route signs.',
  'Is er een droge blusleiding (NEN 1594) in goede staat?':
    'Is there a dry riser (NEN 1594) in good condition?',
  'Vereist wanneer een vloer hoger ligt dan 20 m.': 'Required when a floor is higher than 20 m.',
  'Droge blusleiding laten aanbrengen of herstellen en keuren (NEN 1594).':
    'Have a dry riser installed or repaired and inspected (NEN 1594).',
  'Is er een werkende brandweerlift?': 'Is there a working firefighters’ lift?',
  'Brandweerlift laten herstellen of aanbrengen.':
    'Have a firefighters’ lift repaired or installed.',
  'Blusmiddelen, opslag en organisatie': 'Extinguishers, storage and organisation',
  'Zijn er draagbare blustoestellen in het gebouw?':
    'Are there portable fire extinguishers in the building?',
  'Aanwezige blustoestellen worden gecontroleerd volgens NEN 2559.':
    'Any fire extinguishers present are inspected to NEN 2559.',
  'Datum van de laatste controle (keuringssticker)': 'Date of the last inspection (service label)',
  'Neem de oudste datum over van de keuringsstickers en fotografeer die sticker. Langer dan 12 maanden geleden is een afwijking.':
    'Copy the oldest date from the service labels and photograph that label. More than 12 months ago is a deviation.',
  'Blustoestellen laten controleren volgens NEN 2559.':
    'Have the fire extinguishers inspected to NEN 2559.',
  'Zijn meterkasten en bergingen vrij van opslag van brandbare materialen?':
    'Are meter cupboards and storage rooms free of stored combustible materials?',
  'Controleer gemeenschappelijke meterkasten en bergingen.':
    'Check communal meter cupboards and storage rooms.',
  'Opslag laten verwijderen en bewoners aanschrijven.':
    'Have the stored materials removed and write to the residents.',
  'Is er een actueel ontruimingsplan?': 'Is there an up-to-date evacuation plan?',
  'Kies n.v.t. als voor dit gebouw geen ontruimingsplan is vereist of afgesproken.':
    'Choose N/a if no evacuation plan is required or agreed for this building.',
  'Ontruimingsplan opstellen of actualiseren.': 'Draw up or update the evacuation plan.',
  'Noteer bijzonderheden voor de volgende ronde.': 'Note anything of interest for the next round.',

  // Zorggeschiktheid v1 (and v2, which shares these texts)
  Zorggeschiktheid: 'Care suitability',
  Woning: 'Dwelling',
  'Op welke verdieping ligt de entree van de woning? (0 = begane grond)':
    'On which floor is the entrance of the dwelling? (0 = ground floor)',
  'Een woning boven of onder de begane grond is alleen zonder trap bereikbaar met een lift.':
    'A dwelling above or below the ground floor can only be reached without stairs by lift.',
  'Hoogte van de vloer van de woning boven meetniveau':
    'Height of the dwelling’s floor above reference level (meetniveau)',
  'Ligt een vloer hoger dan 12,5 m, dan is een lift vereist.':
    'If a floor is higher than 12.5 m, a lift is required.',
  'Welke ruimten zijn vanaf de voordeur zonder trap bereikbaar?':
    'Which rooms can be reached from the front door without stairs?',
  'Een nultredenwoning heeft woonkamer, keuken, badkamer, toilet en een slaapkamer zonder trap of opstap bereikbaar.':
    'In a step-free dwelling (nultredenwoning), the living room, kitchen, bathroom, toilet and a bedroom can be reached without stairs or steps.',
  Woonkamer: 'Living room',
  Badkamer: 'Bathroom',
  Slaapkamer: 'Bedroom',
  'Grootste hoogteverschil in de woning (drempel, opstap)':
    'Largest difference in level inside the dwelling (threshold, step)',
  'Meer dan 2 cm vraagt een hellingbaan of lift; voor een zorgwoning telt al 2 cm.':
    'More than 2 cm calls for a ramp or lift; for a care dwelling (zorgwoning), 2 cm already counts.',
  'Grootste hoogteverschil van straat tot voordeur zonder hellingbaan of lift':
    'Largest difference in level from the street to the front door not bridged by a ramp or lift',
  'Meet drempels en opstappen bij de hoofdentree, de liftdeur en de voordeur.':
    'Measure thresholds and steps at the main entrance, the lift door and the front door.',
  'Smalste vrije doorgang van de deuren (voordeur, woonkamer, slaapkamer, badkamer, toilet)':
    'Narrowest clear door width (front door, living room, bedroom, bathroom, toilet)',
  'Vrije doorgang met de deur open: 0,85 m rolstoelgeschikt; WoonKeur staat in bestaande woningen 0,75 m toe (rollator).':
    'Clear width with the door open: 0.85 m is wheelchair-suitable; WoonKeur allows 0.75 m in existing dwellings (rollator).',
  'Smalste gang in de woning': 'Narrowest corridor in the dwelling',
  'Ten minste 0,85 m; een zorgwoning vraagt 1,2 m.':
    'At least 0.85 m; a care dwelling (zorgwoning) needs 1.2 m.',
  'Zit het toilet in de badkamer?': 'Is the toilet in the bathroom?',
  'Bepaalt welke maat geldt: badkamer met toilet 2,2 × 2,2 m, apart toilet 1,65 × 2,2 m.':
    'Determines which size applies: bathroom with toilet 2.2 × 2.2 m, separate toilet 1.65 × 2.2 m.',
  'Badkamer: breedte': 'Bathroom: width',
  'Badkamer met toilet ten minste 2,2 × 2,2 m.': 'Bathroom with toilet at least 2.2 × 2.2 m.',
  'Badkamer: lengte': 'Bathroom: length',
  'Toilet: breedte': 'Toilet: width',
  'Een toegankelijk toilet is ten minste 1,65 × 2,2 m.':
    'An accessible toilet is at least 1.65 × 2.2 m.',
  'Toilet: lengte': 'Toilet: length',
  'Is de douche drempelvrij?': 'Is the shower threshold-free?',
  'Een douche zonder drempel of bak.': 'A shower with no threshold or raised shower tray.',
  'Gebouw en lift': 'Building and lift',
  'Is de woning met een lift bereikbaar?': 'Can the dwelling be reached by lift?',
  'Zonder lift is een woning buiten de begane grond geen nultredenwoning; boven 12,5 m is een lift vereist.':
    'Without a lift, a dwelling that is not on the ground floor is not step-free (nultredenwoning); above 12.5 m a lift is required.',
  'Liftkooi: breedte': 'Lift car: width',
  'Ten minste 1,05 m breed.': 'At least 1.05 m wide.',
  'Liftkooi: diepte': 'Lift car: depth',
  'Ten minste 1,35 m diep; 2,05 m (brancard) als de lift meer dan 6 woningen ontsluit.':
    'At least 1.35 m deep; 2.05 m (stretcher) if the lift serves more than 6 dwellings.',
  'Hoeveel woningen ontsluit deze lift?': 'How many dwellings does this lift serve?',
  'Boven 6 woningen moet de lift een brancard kunnen vervoeren.':
    'Above 6 dwellings, the lift must be able to take a stretcher.',
  'Loopafstand van de voordeur tot de lift': 'Walking distance from the front door to the lift',
  'Ten hoogste 90 m.': 'At most 90 m.',
  'Is er bij lift en entree een vrije draairuimte van 1,5 × 1,5 m?':
    'Is there a clear turning space of 1.5 × 1.5 m at the lift and the entrance?',
  'Nodig om met een rolstoel te keren.': 'Needed to turn a wheelchair.',
  'Loopt de route naar de woning door gemeenschappelijke gangen of galerijen?':
    'Does the route to the dwelling pass through communal corridors or access galleries?',
  'Gemeenschappelijke gangen zijn ten minste 1,2 m breed.':
    'Communal corridors are at least 1.2 m wide.',
  'Smalste gemeenschappelijke gang of galerij': 'Narrowest communal corridor or access gallery',
  'Ten minste 1,2 m.': 'At least 1.2 m.',
  'Zorg en voorzieningen': 'Care and facilities',
  'Is er personenalarmering in het hele gebouw?':
    'Is there a personal alarm system throughout the building?',
  'Vereist voor een zorgwoning.': 'Required for a care dwelling (zorgwoning).',
  'Is er een gemeenschappelijke eet- of recreatieruimte?':
    'Is there a communal dining or recreation room?',
  'Hoort bij een zorgwoning en is een wens van zorgpartners.':
    'Part of a care dwelling (zorgwoning) and something care partners ask for.',
  'Heeft die ruimte een keuken?': 'Does that room have a kitchen?',
  'Zorgpartners vragen een gemeenschappelijke ruimte met keuken.':
    'Care partners ask for a communal room with a kitchen.',
  'Heeft het gebouw een centrale entree?': 'Does the building have a central entrance?',
  'Zorgpartners vragen een centrale entree.': 'Care partners ask for a central entrance.',
  'Is er betrouwbaar internet in het gebouw?': 'Is there reliable internet in the building?',
  'Nodig voor zorgtechnologie (alarmering, beeldzorg, sensoren).':
    'Needed for care technology (alarms, video care, sensors).',
  'Is er een aantrekkelijke buitenruimte (eigen of gemeenschappelijk)?':
    'Is there an attractive outdoor space (private or communal)?',
  'Zorgpartners vragen een aantrekkelijke buitenruimte.':
    'Care partners ask for an attractive outdoor space.',
  'Noteer bijvoorbeeld wensen van de bewoner.': 'Note, for example, the resident’s wishes.',

  // Zorggeschiktheid v2 (additions)
  'Versie 2 vraagt ook naar steunbeugels en een thermostaatkraan (kleine aanpassingen).':
    'Version 2 also asks about grab rails and a thermostatic mixer tap (minor adaptations).',
  'Zijn er steunbeugels bij toilet en douche?': 'Are there grab rails at the toilet and shower?',
  'Steunbeugels zijn een kleine aanpassing.': 'Grab rails are a minor adaptation.',
  'Heeft de douche een thermostaatkraan?': 'Does the shower have a thermostatic mixer tap?',
  'Een thermostaatkraan is een kleine aanpassing.':
    'A thermostatic mixer tap is a minor adaptation.',
};

const rules: Record<string, string> = {
  'optoppen.kansrijk':
    'Adding storeys usually yields 1–2 extra storeys; low-rise post-war flats are the best candidates.',
  'bbl.lift.12-5m': 'A lift is required when a floor is higher than 12.5 m above reference level.',
  'bbl.brandweer.20m':
    'A dry riser and a firefighters’ lift are required when a floor is higher than 20 m above reference level.',
  'quickscan.constructeur':
    'A quick scan only ranks candidates; whether it is technically and structurally feasible is assessed by a structural engineer.',
  'bbl.rechtens-verkregen-niveau':
    'In a conversion, the legally acquired level (rechtens verkregen niveau) of the existing building may be kept; new parts are assessed against new-build requirements.',
  'woning.verblijfsgebied.18m2':
    'A dwelling has at least 18 m² of habitable area (verblijfsgebied).',
  'optoppen.parkeren':
    'Extra dwellings must meet the municipal parking standard, and the building site must be accessible.',
  'ondertoppen.ruimte':
    'Storage rooms, shops, communal rooms and garages on the ground floor can become dwellings (ondertoppen).',
  'woning.berging':
    'A dwelling has a storage space of at least 5 m²; for a dwelling of at most 50 m², a communal storage space of 1.5 m² per dwelling is enough.',
  'woning.verblijfsgebied.55pct':
    'At least 55% of a dwelling’s usable floor area is habitable area (verblijfsgebied).',
  'woning.verblijfsruimte.11m2':
    'A dwelling has at least one habitable room (verblijfsruimte) of 11 m² that is at least 3 m wide.',
  'woning.plafondhoogte.2-6m':
    'Habitable area and habitable rooms have a clear height of at least 2.6 m.',
  'woning.daglicht': 'The habitable rooms of a dwelling get daylight.',
  'woning.eigen-entree': 'A new dwelling has its own entrance.',
  'woning.voorzieningen': 'A residential use (woonfunctie) has a kitchen, a shower and a toilet.',
  'woning.buitenruimte.4m2': 'A dwelling has an outdoor space of at least 4 m².',
  'splitsen.compact':
    'A large dwelling can be split into two compact dwellings that each meet the requirements for a dwelling.',
  'bag.splitsen':
    'Splitting withdraws the existing verblijfsobject in the BAG and creates new verblijfsobjecten with new identifiers.',
  'energielabel.geldigheid': 'An energy label is valid for at most 10 years after registration.',
  'efg.uitfasering.2028':
    'Housing associations phase out all dwellings with energy label E, F or G by 2028 at the latest (exceptions: listed buildings, planned demolition).',
  'energie.opname.staat':
    'The survey records the observed condition of the envelope and services (glazing, insulation, heating, ventilation, generation, damp) next to the registered label.',
  'energie.maatregelen.indicatief':
    'A measure improves the label indicatively, by a rule of thumb; only a new NTA 8800 assessment determines the label.',
  'brand.bmi':
    'Where required (care dwellings, clustered 24-hour care) there is a fire alarm system to NEN 2535 with a valid certificate.',
  'brand.ontruimingsalarm':
    'Where required (care dwellings, clustered 24-hour care) there is an evacuation alarm system to NEN 2575 with a valid certificate.',
  'brand.vluchtrouteaanduiding': 'Rooms for more than 50 people have escape route signs.',
  'brand.rookmelders':
    'Since 1 July 2022 smoke alarms are mandatory in existing dwellings: on every floor with a living room and in enclosed spaces on the escape route, to NEN-EN 14604 (new builds: NEN 2555, interconnected).',
  'brand.ernst':
    'Deviations are immediate danger (act today), serious (within weeks) or minor (next round); every deviation gets a photo.',
  'brand.zelfsluitende-deuren':
    'Self-closing doors in fire- and smoke-resisting separations close on their own and are not held open.',
  'brand.doorvoeringen':
    'Penetrations through fire separations (compartment boundaries) are fire-stopped.',
  'brand.vluchtroute-vrij': 'Escape routes are free of obstacles and storage.',
  'brand.galerij-85cm': 'An access gallery keeps a clear width of at least 85 cm.',
  'brand.scootmobiel':
    'Mobility scooters are not parked or charged in the escape route (explicitly in the Bbl since 1 July 2024).',
  'brand.noodverlichting': 'Enclosed protected escape routes have lighting of at least 1 lux.',
  'brand.blustoestellen':
    'Portable fire extinguishers are inspected periodically to NEN 2559; Schouw assumes yearly (12 months).',
  'brand.opslag': 'Meter cupboards and storage rooms hold no stored combustible materials.',
  'brand.ontruimingsplan':
    'An up-to-date evacuation plan is present and known to the building manager.',
  'zorg.nultreden':
    'A step-free dwelling (nultredenwoning): living room, kitchen, bathroom, toilet and a bedroom can be reached without stairs or steps.',
  'toegankelijk.opstap-2cm': 'A difference in level of more than 2 cm calls for a ramp or lift.',
  'zorgwoning.opstap':
    'In a care dwelling (zorgwoning), every step of 2 cm or more has a lift or ramp.',
  'toegankelijk.deurbreedte':
    'Doors have a clear width of at least 0.85 m (WoonKeur for existing dwellings: 0.75 m).',
  'woonkeur.rollator': 'WoonKeur certificate C: existing dwelling suitable for a rollator.',
  'woonkeur.rolstoel': 'WoonKeur certificate D: existing dwelling suitable for a wheelchair.',
  'toegankelijk.gangbreedte':
    'Corridors in the dwelling are at least 0.85 m wide, communal corridors at least 1.2 m.',
  'zorgwoning.gangen': 'A care dwelling (zorgwoning) has corridors at least 1.2 m wide.',
  'toegankelijk.sanitair':
    'An accessible toilet is at least 1.65 × 2.2 m; a bathroom with toilet at least 2.2 × 2.2 m.',
  'toegankelijk.douche-drempelvrij': 'The shower has no threshold.',
  'toegankelijk.lift-kooi':
    'A lift car is at least 1.05 × 1.35 m, and at least 1.05 × 2.05 m (stretcher) when the lift serves more than 6 dwellings.',
  'toegankelijk.lift-loopafstand':
    'The walking distance from the dwelling to the lift is at most 90 m.',
  'toegankelijk.draairuimte':
    'There is a clear turning space of 1.5 × 1.5 m at the lift and the entrance.',
  'zorgwoning.alarmering':
    'A care dwelling (zorgwoning) has a personal alarm system throughout the building.',
  'zorgwoning.gemeenschappelijke-ruimte':
    'A care dwelling (zorgwoning) comes with a communal dining or recreation room.',
  'zorgpartners.voorzieningen':
    'Care partners need reliable internet in the building (care technology), a central entrance, a communal room with a kitchen and an attractive outdoor space.',
  'zorg.aanpassingen':
    'Adaptations come in three degrees: minor adaptations (grab rails, thermostatic mixer tap), smart interventions (stairlift, bedroom downstairs, sensors) and new forms of housing (mantelzorgwoning for an informal carer, group home, voorzorgwoning).',
};

// Names of laws, standards and agreements stay Dutch so they can be looked up; only the
// descriptive words around them are translated.
const sources: Record<string, string> = {
  'Strategie woningcorporaties: vijf oplossingen (BIG5)':
    'Housing associations’ strategy: five solutions (BIG5)',
  'Bbl 2024 (voorheen Bouwbesluit 2012)': 'Bbl 2024 (formerly Bouwbesluit 2012)',
  'Bbl 2024 (voorheen Bouwbesluit 2012); NEN 1594 (droge blusleidingen)':
    'Bbl 2024 (formerly Bouwbesluit 2012); NEN 1594 (dry risers)',
  'Gemeentelijk parkeerbeleid (parkeernormen)': 'Municipal parking policy (parking standards)',
  'Bbl 2024 (voorheen Bouwbesluit 2012); BAG gebruiksdoel woonfunctie':
    'Bbl 2024 (formerly Bouwbesluit 2012); BAG use: woonfunctie (residential)',
  'Catalogus Basisregistratie Adressen en Gebouwen (BAG 2018)':
    'Catalogus Basisregistratie Adressen en Gebouwen (BAG 2018)',
  'Besluit energieprestatie gebouwen / Bbl': 'Besluit energieprestatie gebouwen / Bbl',
  'Nationale Prestatieafspraken (2022)': 'Nationale Prestatieafspraken (2022)',
  'NTA 8800 (bepalingsmethode energieprestatie); EFG-aanpak woningcorporaties':
    'NTA 8800 (energy performance calculation method); housing associations’ EFG approach',
  'EFG-plannen woningcorporaties; NTA 8800': 'Housing associations’ EFG plans; NTA 8800',
  'Bbl 2024 (voorheen Bouwbesluit 2012); NEN 2535':
    'Bbl 2024 (formerly Bouwbesluit 2012); NEN 2535',
  'Bbl 2024 (voorheen Bouwbesluit 2012); NEN 2575':
    'Bbl 2024 (formerly Bouwbesluit 2012); NEN 2575',
  'Bbl 2024 (voorheen Bouwbesluit 2012); NEN-EN 14604; NEN 2555':
    'Bbl 2024 (formerly Bouwbesluit 2012); NEN-EN 14604; NEN 2555',
  'Werkwijze brandveiligheidsronde woningcorporaties':
    'Housing associations’ fire safety round procedure',
  'Bbl 2024 (voorheen Bouwbesluit 2012); Praktijkcontrole brandveiligheid woongebouwen (woningcorporaties)':
    'Bbl 2024 (formerly Bouwbesluit 2012); on-site fire safety checks of residential buildings (housing associations)',
  'Bbl 2024 (wijziging per 1-7-2024)': 'Bbl 2024 (amendment of 1 July 2024)',
  'NEN 2559': 'NEN 2559',
  'Praktijkcontrole brandveiligheid woongebouwen (woningcorporaties)':
    'On-site fire safety checks of residential buildings (housing associations)',
  'Woondeal ouderenhuisvesting (nultredenwoning)':
    'Woondeal ouderenhuisvesting (housing deal for older people; nultredenwoning)',
  'Huurregels zorgwoning (woningwaarderingsstelsel)':
    'Rent rules for care dwellings (woningwaarderingsstelsel)',
  'Bbl 2024 (voorheen Bouwbesluit 2012); WoonKeur':
    'Bbl 2024 (formerly Bouwbesluit 2012); WoonKeur',
  'WoonKeur (bestaande woningen)': 'WoonKeur (existing dwellings)',
  WoonKeur: 'WoonKeur',
  'Wensen zorgpartners; Woondeal ouderenhuisvesting':
    'Care partners’ wishes; Woondeal ouderenhuisvesting',
  'Strategie woningcorporaties: langer zelfstandig wonen':
    'Housing associations’ strategy: living independently for longer',
};

export const templateCatalogueEn: TemplateCatalogue = { texts, rules, sources };
