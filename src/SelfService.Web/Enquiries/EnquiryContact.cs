using Microsoft.Extensions.Options;
using SelfService.Data.Requests;
using SelfService.Web.Documents;
using SelfService.Web.Hosting;

namespace SelfService.Web.Enquiries;

/// <summary>How enquiry emails sign off and link back: the council's settings, read once per use.</summary>
public sealed class EnquiryContact(IOptions<CouncilOptions> council, IOptions<RequestOptions> requests)
{
    public RequestContact Current => new(council.Value.Name, council.Value.SendTeamEmail, requests.Value.PortalBaseUrl);
}
