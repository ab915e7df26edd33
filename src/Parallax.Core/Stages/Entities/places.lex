# Places, with the canonical name after "=" where spellings differ.
U.S. = United States
US = United States
USA = United States
U.S.A. = United States
America = United States
United States = United States
United States of America = United States
UK = United Kingdom
U.K. = United Kingdom
Britain = United Kingdom
Great Britain = United Kingdom
United Kingdom
UAE = United Arab Emirates
United Arab Emirates
DPRK = North Korea
Mainland China = China
Afghanistan
Albania
Algeria
Argentina
Armenia
Australia
Austria
Azerbaijan
Bahrain
Bangladesh
Belarus
Belgium
Bolivia
Bosnia
Brazil
Bulgaria
Cambodia
Canada
Chile
China
Colombia
Croatia
Cuba
Cyprus
Czech Republic
Denmark
Ecuador
Egypt
Estonia
Ethiopia
Finland
France
Georgia
Germany
Ghana
Greece
Guatemala
Haiti
Honduras
Hungary
Iceland
India
Indonesia
Iran
Iraq
Ireland
Israel
Italy
Japan
Jordan
Kazakhstan
Kenya
Kosovo
Kuwait
Laos
Latvia
Lebanon
Libya
Lithuania
Malaysia
Mexico
Moldova
Mongolia
Morocco
Myanmar
Nepal
Netherlands
New Zealand
Nicaragua
Niger
Nigeria
North Korea
Norway
Oman
Pakistan
Palestine
Panama
Paraguay
Peru
Philippines
Poland
Portugal
Qatar
Romania
Russia
Rwanda
Saudi Arabia
Serbia
Singapore
Slovakia
Slovenia
Somalia
South Africa
South Korea
Korea
Spain
Sri Lanka
Sudan
South Sudan
Sweden
Switzerland
Syria
Taiwan
Tajikistan
Tanzania
Thailand
Tunisia
Turkey
Turkmenistan
Uganda
Ukraine
Uruguay
Uzbekistan
Venezuela
Vietnam
Yemen
Zambia
Zimbabwe
Europe
Asia
Africa
Middle East
Latin America
North America
South America
Gaza
West Bank
Crimea
Donbas
Hong Kong
Macau
Tibet
Xinjiang
Beijing
Shanghai
Tokyo
Seoul
Busan
Pyongyang
Taipei
Moscow
Kyiv
Kiev = Kyiv
London
Paris
Berlin
Rome
Madrid
Brussels
Geneva
Vienna
Warsaw
Ankara
Istanbul
Tehran
Baghdad
Damascus
Beirut
Jerusalem
Tel Aviv
Cairo
Riyadh
Dubai
Doha
New Delhi
Delhi
Mumbai
Islamabad
Kabul
Bangkok
Hanoi
Manila
Jakarta
Sydney
Canberra
Ottawa
Toronto
Mexico City
Havana
Caracas
Bogota
Lima
Brasilia
Buenos Aires
Washington
New York
Los Angeles
Chicago
Houston
Miami
Boston
San Francisco
Seattle
Atlanta
Philadelphia
Detroit
Dallas
Denver
Phoenix
Las Vegas
Alabama
Alaska
Arizona
Arkansas
California
Colorado
Connecticut
Delaware
Florida
Hawaii
Idaho
Illinois
Indiana
Iowa
Kansas
Kentucky
Louisiana
Maine
Maryland
Massachusetts
Michigan
Minnesota
Mississippi
Missouri
Montana
Nebraska
Nevada
New Hampshire
New Jersey
New Mexico
North Carolina
North Dakota
Ohio
Oklahoma
Oregon
Pennsylvania
Rhode Island
South Carolina
South Dakota
Tennessee
Texas
Utah
Vermont
Virginia
West Virginia
Wisconsin
Wyoming
