// SEND Self-Service on Azure: the web app (App Service on Linux, .NET 10), its PostgreSQL case
// store, a Key Vault for every secret, and the Azure Bot registration with the Direct Line and
// Teams channels. Deploy into a resource group:
//   az deployment group create -g <group> -f deploy/azure/main.bicep -p @my-council.parameters.json
// main.json beside this file is the same template compiled to ARM (deploy/azure/check.sh rebuilds it).
// App settings use the app's own configuration keys, ":" written "__" as App Service on Linux needs.

targetScope = 'resourceGroup'

@description('Prefix of every resource name; lower-case letters, digits and hyphens.')
@minLength(3)
@maxLength(20)
param namePrefix string = 'selfservice'

@description('Region for everything but the bot registration, which is global.')
param location string = resourceGroup().location

@description('The portal\'s public host name (e.g. send.example.gov.uk) once it is bound to the web app; empty: the web app\'s own azurewebsites.net name.')
param publicHostName string = ''

@description('App Service plan size; P0v3 and up keep Always On and several instances.')
param appServicePlanSku string = 'P0v3'

@description('Web app instances; they share the PostgreSQL store (Direct Line deliveries cross instances through it).')
@minValue(1)
@maxValue(10)
param instanceCount int = 2

@description('PostgreSQL flexible server compute size and tier.')
param postgresSkuName string = 'Standard_B2s'

@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'Burstable'

@description('PostgreSQL major version.')
@allowed([
  '16'
  '17'
])
param postgresVersion string = '16'

@minValue(32)
param postgresStorageSizeGB int = 32

@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 14

@description('PostgreSQL administrator name; the app connects as this role.')
param postgresAdminLogin string = 'selfservice'

@description('PostgreSQL administrator password (stored in Key Vault inside the case store connection string).')
@secure()
@minLength(16)
param postgresAdminPassword string

@description('Application (client) ID of the bot\'s single-tenant Entra ID app registration.')
param botAppId string

@description('A client secret of that app registration (Key Vault secret bot-app-password).')
@secure()
param botAppPassword string

@description('Tenant of the bot\'s app registration.')
param botTenantId string = tenant().tenantId

@description('Azure Bot pricing tier; Teams and Direct Line are standard channels, free on both.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Server-side secret of the app\'s own Direct Line channel (/v3/directline): openssl rand -base64 32.')
@secure()
@minLength(32)
param directLineSecret string

@description('Base64 key, 32+ random bytes, signing Direct Line tokens on every instance: openssl rand -base64 32.')
@secure()
@minLength(44)
param directLineTokenSigningKey string

@description('Base64 key, 32+ random bytes, hashing emailed sign-in codes on every instance: openssl rand -base64 32.')
@secure()
@minLength(44)
param signInCodeKey string

@description('Tenant whose Entra ID staff sign in with.')
param staffSignInTenantId string = tenant().tenantId

@description('Application (client) ID of the staff sign-in app registration.')
param staffSignInClientId string

@description('Client secret of the staff sign-in app registration.')
@secure()
param staffSignInClientSecret string

param councilName string

param councilFeedbackEmail string

param councilSendTeamEmail string

param councilDataProtectionEmail string

@description('The From address of every email, optionally with a name.')
param emailFrom string

@description('SMTP relay host name.')
param smtpHost string

param smtpPort int = 587

param smtpEnableSsl bool = true

@description('SMTP user name; empty for a relay that does not authenticate.')
param smtpUserName string = ''

@description('SMTP password; empty for a relay that does not authenticate.')
@secure()
param smtpPassword string = ''

@description('A ClamAV daemon reachable from the web app; empty: uploads stay quarantined until scanned.')
param clamAvHost string = ''

param tags object = {}

var suffix = uniqueString(resourceGroup().id, namePrefix)
var webAppName = '${namePrefix}-${suffix}'
var hostName = empty(publicHostName) ? '${webAppName}.azurewebsites.net' : publicHostName
var portalBaseUrl = 'https://${hostName}/'
var databaseName = 'selfservice'
// A relay that does not authenticate needs no password, nor a secret to hold one.
var smtpAuthenticates = !empty(smtpPassword)
var keyVaultSecretsUserRoleId = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${namePrefix}-identity'
  location: location
  tags: tags
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: '${namePrefix}-pg-${suffix}'
  location: location
  tags: tags
  sku: {
    name: postgresSkuName
    tier: postgresSkuTier
  }
  properties: {
    version: postgresVersion
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: {
      storageSizeGB: postgresStorageSizeGB
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: postgresBackupRetentionDays
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    authConfig: {
      activeDirectoryAuth: 'Disabled'
      passwordAuth: 'Enabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// 0.0.0.0 to 0.0.0.0 is Azure's rule for "services inside Azure": the web app's outbound
// addresses are shared and change with the plan, so they cannot be listed one by one.
resource allowAzureServices 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-${suffix}'
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

// Every secret's value comes from a secure parameter: the template holds none.
resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'bot-app-password'
  properties: {
    value: botAppPassword
    contentType: 'text/plain'
  }
}

resource directLineSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'directline-secret'
  properties: {
    value: directLineSecret
    contentType: 'text/plain'
  }
}

resource directLineSigningKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'directline-token-signing-key'
  properties: {
    value: directLineTokenSigningKey
    contentType: 'text/plain'
  }
}

resource signInCodeKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'signin-code-key'
  properties: {
    value: signInCodeKey
    contentType: 'text/plain'
  }
}

resource staffSignInSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'staff-signin-client-secret'
  properties: {
    value: staffSignInClientSecret
    contentType: 'text/plain'
  }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (smtpAuthenticates) {
  parent: vault
  name: 'smtp-password'
  properties: {
    value: smtpPassword
    contentType: 'text/plain'
  }
}

// VerifyFull: the server's certificate chains to a public root that App Service's image trusts.
resource connectionStringSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'casestore-connection-string'
  properties: {
    value: 'Host=${postgres.properties.fullyQualifiedDomainName};Port=5432;Database=${database.name};Username=${postgresAdminLogin};Password=${postgresAdminPassword};SSL Mode=VerifyFull'
    contentType: 'text/plain'
  }
}

resource vaultReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: keyVaultSecretsUserRoleId
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${namePrefix}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServicePlanSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2024-04-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet SelfService.Web.dll'
      alwaysOn: true
      // Direct Line streams (Web Chat) are WebSockets.
      webSocketsEnabled: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/health/ready'
      // Secrets are Key Vault references, resolved through the managed identity; the unversioned
      // form follows rotation (picked up within a day, or at once on restart).
      appSettings: [
        {
          name: 'ASPNETCORE_ENVIRONMENT'
          value: 'Production'
        }
        // App Service's front end terminates TLS and is the only way in: trust its X-Forwarded-Proto
        // and -For (its addresses are not fixed, so ForwardedHeaders:KnownProxies cannot name them).
        {
          name: 'ASPNETCORE_FORWARDEDHEADERS_ENABLED'
          value: 'true'
        }
        // The front end routes only the app's bound host names here; health probes use internal names.
        {
          name: 'AllowedHosts'
          value: '*'
        }
        // /home is the plan's shared, persistent storage: every instance sees the uploads.
        {
          name: 'DataDirectory'
          value: '/home/data'
        }
        {
          name: 'Database__Provider'
          value: 'Postgres'
        }
        // Instances starting together migrate once (an advisory lock); /health/ready waits for it.
        {
          name: 'Database__MigrateOnStartup'
          value: 'true'
        }
        {
          name: 'ConnectionStrings__CaseStore'
          value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=casestore-connection-string)'
        }
        {
          name: 'Council__Name'
          value: councilName
        }
        {
          name: 'Council__FeedbackEmail'
          value: councilFeedbackEmail
        }
        {
          name: 'Council__SendTeamEmail'
          value: councilSendTeamEmail
        }
        {
          name: 'Council__DataProtectionEmail'
          value: councilDataProtectionEmail
        }
        {
          name: 'Requests__PortalBaseUrl'
          value: portalBaseUrl
        }
        {
          name: 'Bot__MicrosoftAppId'
          value: botAppId
        }
        {
          name: 'Bot__MicrosoftAppPassword'
          value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=bot-app-password)'
        }
        {
          name: 'Bot__MicrosoftAppTenantId'
          value: botTenantId
        }
        {
          name: 'DirectLine__Secret'
          value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=directline-secret)'
        }
        {
          name: 'DirectLine__TokenSigningKey'
          value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=directline-token-signing-key)'
        }
        {
          name: 'SignIn__CodeKey'
          value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=signin-code-key)'
        }
        {
          name: 'StaffSignIn__Authority'
          value: '${environment().authentication.loginEndpoint}${staffSignInTenantId}/v2.0'
        }
        {
          name: 'StaffSignIn__ClientId'
          value: staffSignInClientId
        }
        {
          name: 'StaffSignIn__ClientSecret'
          value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=staff-signin-client-secret)'
        }
        {
          name: 'StaffSignIn__PublicOrigin'
          value: 'https://${hostName}'
        }
        // App roles of the staff sign-in registration (assign people or groups to them in Entra ID).
        {
          name: 'StaffSignIn__RoleMappings__SEND.Caseworker'
          value: 'Caseworker'
        }
        {
          name: 'StaffSignIn__RoleMappings__SEND.ServiceManager'
          value: 'ServiceManager'
        }
        {
          name: 'StaffSignIn__RoleMappings__SEND.Administrator'
          value: 'Administrator'
        }
        {
          name: 'Email__From'
          value: emailFrom
        }
        {
          name: 'Email__Smtp__Host'
          value: smtpHost
        }
        {
          name: 'Email__Smtp__Port'
          value: string(smtpPort)
        }
        {
          name: 'Email__Smtp__EnableSsl'
          value: string(smtpEnableSsl)
        }
        {
          name: 'Email__Smtp__UserName'
          value: smtpUserName
        }
        {
          name: 'Email__Smtp__Password'
          value: smtpAuthenticates ? '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=smtp-password)' : ''
        }
        {
          name: 'Documents__ClamAvHost'
          value: clamAvHost
        }
      ]
    }
  }
  // The references above resolve at the first start only if the identity can already read them.
  dependsOn: [
    vaultReader
    botPasswordSecret
    directLineSecretSecret
    directLineSigningKeySecret
    signInCodeKeySecret
    staffSignInSecret
    smtpPasswordSecret
    connectionStringSecret
    allowAzureServices
  ]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${namePrefix}-bot-${suffix}'
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: councilName == '' ? 'SEND Self-Service' : '${councilName} SEND'
    endpoint: 'https://${hostName}/api/messages'
    msaAppId: botAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: botTenantId
    publicNetworkAccess: 'Enabled'
  }
}

// Azure's own Direct Line service, for clients that must use it; the portal's Web Chat talks to
// the app's built-in channel under /v3/directline instead. Its site keys stay in the registration.
resource directLineChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: false
          isBlockUserUploadEnabled: false
        }
      ]
    }
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
    }
  }
}

output webAppName string = webApp.name
output webAppDefaultHostName string = webApp.properties.defaultHostName
output portalBaseUrl string = portalBaseUrl
output botName string = bot.name
output botMessagingEndpoint string = bot.properties.endpoint
output keyVaultName string = vault.name
output postgresServerName string = postgres.name
output postgresHost string = postgres.properties.fullyQualifiedDomainName
